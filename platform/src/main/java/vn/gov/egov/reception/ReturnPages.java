package vn.gov.egov.reception;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.UnknownDossier;

/** The desk's results to return, and the hand-over of one: to the applicant or to a person they authorised. */
@Controller
@RequestMapping("/reception/results")
class ReturnPages {

    private final ReturningResults returning;

    ReturnPages(ReturningResults returning) {
        this.returning = returning;
    }

    @GetMapping
    String list(Authentication officer, Model model) {
        model.addAttribute("results", returning.waiting(officer.getName(), ReceptionPages.QUEUE_SIZE));
        return "reception/results";
    }

    @GetMapping("/{code}")
    String handOverPage(Authentication officer, @PathVariable String code, Model model) {
        return page(officer, code, model, new ReceptionPages.Errors(), null);
    }

    @PostMapping("/{code}")
    String handOver(Authentication officer, @PathVariable String code, @RequestParam(defaultValue = "") String recipientName,
                    @RequestParam(defaultValue = "self") String recipient, @RequestParam(defaultValue = "") String proxyPersonalId,
                    @RequestParam(defaultValue = "") String relation, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        ReturningResults.HandOver handOver = new ReturningResults.HandOver(recipientName, recipient.equals("proxy"), proxyPersonalId, relation);
        ReceptionPages.Errors errors = new ReceptionPages.Errors();
        try {
            ReturningResults.Returned returned = returning.handOver(officer.getName(), code, handOver);
            redirect.addFlashAttribute("done", "Đã trả kết quả hồ sơ %s cho %s.".formatted(returned.code(), returned.handedTo()));
            return "redirect:/reception/results";
        } catch (SubmissionRefused e) {
            e.violations().forEach(v -> errors.field(v.field(), v.message()));
        } catch (DossierActionRefused e) {
            if (e.rule().equals("not-permitted")) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            errors.general(e.getMessage());
        } catch (UnknownDossier e) {
            throw ReceptionPages.notFound();
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(officer, code, model, errors, handOver);
    }

    private String page(Authentication officer, String code, Model model, ReceptionPages.Errors errors, ReturningResults.HandOver values) {
        DossierDetail detail;
        try {
            detail = returning.visible(officer.getName(), code);
        } catch (UnknownDossier e) {
            throw ReceptionPages.notFound();
        } catch (DossierActionRefused e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("dossier", detail);
        model.addAttribute("code", detail.summary().code());
        model.addAttribute("returnable", detail.summary().status() == vn.gov.egov.dossier.DossierStatus.RESOLVED);
        Map<String, String> fieldErrors = new LinkedHashMap<>(errors.fields());
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("general", errors.general());
        // the applicant's name to start with; after an error, what the officer typed
        model.addAttribute("values", values != null ? values
                : new ReturningResults.HandOver(detail.summary().applicantName(), false, "", ""));
        return "reception/handover";
    }
}
