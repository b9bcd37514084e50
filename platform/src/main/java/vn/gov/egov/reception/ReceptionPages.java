package vn.gov.egov.reception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierDocument;
import vn.gov.egov.dossier.DossierPaper;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;
import vn.gov.egov.procedure.RequiredDocument;

/** The officer's queue, a dossier with its decisions, and the papers brought for a supplement. */
@Controller
@RequestMapping("/reception")
class ReceptionPages {

    static final int QUEUE_SIZE = 200;
    private static final int MAX_ROWS = 30;

    private final DossierReception reception;
    private final WorkingCalendar calendar;
    private final Procedures procedures;
    private final ProcedureForms forms;

    ReceptionPages(DossierReception reception, WorkingCalendar calendar, Procedures procedures, ProcedureForms forms) {
        this.reception = reception;
        this.calendar = calendar;
        this.procedures = procedures;
        this.forms = forms;
    }

    /** A queued dossier with the time left, for the table. */
    record QueueRow(DossierReception.Queued queued, TimeLeft timeLeft) {
    }

    @GetMapping
    String queue(Authentication officer, @RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            String wanted = code.strip().toUpperCase(java.util.Locale.ROOT);
            if (reception.forOfficer(officer.getName(), wanted).isPresent()) {
                return "redirect:/reception/dossiers/" + wanted;
            }
            model.addAttribute("searchCode", code.strip());
            model.addAttribute("notFound", true);
        }
        Instant now = Instant.now();
        model.addAttribute("queue", reception.queue(officer.getName(), QUEUE_SIZE).stream()
                .map(q -> new QueueRow(q, TimeLeft.of(calendar, now, q.receptionDueAt(), q.overdue()))).toList());
        model.addAttribute("sentBack", reception.sentBack(officer.getName(), QUEUE_SIZE));
        return "reception/queue";
    }

    @GetMapping("/dossiers/{code}")
    String dossier(Authentication officer, @PathVariable String code, Model model) {
        return dossierPage(officer, code, model, new Errors(), null);
    }

    @GetMapping("/dossiers/{code}/files/{sha256}")
    ResponseEntity<byte[]> file(Authentication officer, @PathVariable String code, @PathVariable String sha256) {
        DossierDetail detail = detail(officer, code);
        byte[] content = reception.content(officer.getName(), code, sha256).orElseThrow(ReceptionPages::notFound);
        String mediaType = "application/pdf";
        String fileName = null;
        for (DossierDocument d : detail.documents()) {
            if (d.sha256().equals(sha256)) {
                mediaType = d.mediaType();
                fileName = d.fileName();
            }
        }
        if (fileName == null) {
            fileName = detail.papers().stream().filter(p -> p.sha256().equals(sha256)).findFirst()
                    .map(p -> paperFileName(p, code)).orElse(code + ".pdf");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    @PostMapping("/dossiers/{code}/acceptance")
    String accept(Authentication officer, @PathVariable String code, Model model) {
        detail(officer, code);
        try {
            reception.accept(officer.getName(), code);
        } catch (DossierActionRefused e) {
            return dossierPage(officer, code, model, new Errors().general(e.getMessage()), null);
        }
        return "redirect:/reception/dossiers/" + code + "/accepted";
    }

    @GetMapping("/dossiers/{code}/accepted")
    String accepted(Authentication officer, @PathVariable String code, Model model) {
        DossierDetail detail = detail(officer, code);
        if (detail.summary().status() != DossierStatus.RECEIVED) {
            return "redirect:/reception/dossiers/" + code;
        }
        model.addAttribute("dossier", detail);
        model.addAttribute("receipt", detail.papers().stream().filter(p -> p.kind().equals("RECEIPT"))
                .reduce((a, b) -> b).orElse(null));
        return "reception/accepted";
    }

    @PostMapping("/dossiers/{code}/supplement-request")
    String requestSupplement(Authentication officer, @PathVariable String code,
                             jakarta.servlet.http.HttpServletRequest request,
                             @RequestParam(defaultValue = "send") String action, Model model, RedirectAttributes redirect) {
        detail(officer, code);
        // the raw values: a List parameter would split a single value at its commas ("mờ, không đọc được")
        List<MissingItem> rows = rows(values(request, "what"), values(request, "why"));
        if (action.equals("add-row") || action.startsWith("remove-")) {
            if (action.equals("add-row") && rows.size() < MAX_ROWS) {
                rows.add(new MissingItem("", ""));
            } else if (action.startsWith("remove-")) {
                int index = parseIndex(action.substring("remove-".length()));
                if (index >= 0 && index < rows.size() && rows.size() > 1) {
                    rows.remove(index);
                }
            }
            return dossierPage(officer, code, model, new Errors(), rows);
        }
        List<MissingItem> filled = rows.stream().filter(r -> !r.what().isBlank() || !r.why().isBlank()).toList();
        Errors errors = new Errors();
        if (filled.isEmpty()) {
            errors.field("missing-0-what", "Giấy tờ / nội dung cần bổ sung: phải nêu ít nhất một nội dung, kèm lý do.");
        }
        for (int i = 0; i < rows.size(); i++) {
            MissingItem r = rows.get(i);
            if (r.what().isBlank() && r.why().isBlank()) {
                continue;
            }
            if (r.what().isBlank()) {
                errors.field("missing-" + i + "-what", "Dòng %d – Giấy tờ / nội dung: bắt buộc nhập.".formatted(i + 1));
            }
            if (r.why().isBlank()) {
                errors.field("missing-" + i + "-why", "Dòng %d – Lý do: bắt buộc nhập lý do cần bổ sung.".formatted(i + 1));
            }
        }
        if (!errors.isEmpty()) {
            return dossierPage(officer, code, model, errors, rows);
        }
        try {
            reception.requestSupplement(officer.getName(), code,
                    filled.stream().map(r -> new MissingItem(r.what().strip(), r.why().strip())).toList());
        } catch (SubmissionRefused e) {
            e.violations().forEach(v -> errors.field("missing-0-what", v.message()));
            return dossierPage(officer, code, model, errors, rows);
        } catch (DossierActionRefused e) {
            return dossierPage(officer, code, model, errors.general(e.getMessage()), rows);
        }
        redirect.addFlashAttribute("done", "Đã gửi yêu cầu bổ sung, hoàn thiện hồ sơ %s; phiếu yêu cầu bổ sung đã được lập.".formatted(code));
        return "redirect:/reception/dossiers/" + code;
    }

    @PostMapping("/dossiers/{code}/refusal")
    String refuse(Authentication officer, @PathVariable String code, @RequestParam(defaultValue = "") String reasons,
                  Model model, RedirectAttributes redirect) {
        detail(officer, code);
        List<String> list = reasons.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Errors errors = new Errors();
        if (list.isEmpty()) {
            errors.field("reasons", "Lý do từ chối: bắt buộc nêu ít nhất một lý do (mỗi dòng một lý do).");
        } else {
            try {
                reception.refuse(officer.getName(), code, list);
                redirect.addFlashAttribute("done", "Đã từ chối tiếp nhận hồ sơ %s; phiếu từ chối đã được lập.".formatted(code));
                return "redirect:/reception/dossiers/" + code;
            } catch (SubmissionRefused e) {
                e.violations().forEach(v -> errors.field("reasons", "Lý do từ chối: " + v.message()));
            } catch (DossierActionRefused e) {
                errors.general(e.getMessage());
            }
        }
        model.addAttribute("reasons", reasons);
        return dossierPage(officer, code, model, errors, null);
    }

    @PostMapping("/dossiers/{code}/supplement")
    String supplementAtDesk(Authentication officer, @PathVariable String code, MultipartHttpServletRequest request,
                            Model model, RedirectAttributes redirect) {
        DossierDetail detail = detail(officer, code);
        List<String> wanted = new ArrayList<>(detail.missingItems().stream().map(MissingItem::what).toList());
        List<AttachedDocument> documents = new ArrayList<>();
        for (int i = 0; i <= wanted.size(); i++) {
            String requiredDocument = i < wanted.size() ? matchRequired(detail, wanted.get(i)) : null;
            for (MultipartFile file : request.getFiles("paper-" + i)) {
                upload(file, requiredDocument != null ? requiredDocument : "Giấy tờ bổ sung").ifPresent(u ->
                        documents.add(AttachedDocument.uploaded(requiredDocument, u)));
            }
        }
        Errors errors = new Errors();
        if (documents.isEmpty()) {
            errors.field("paper-0", "Giấy tờ bổ sung: hãy chọn ít nhất một tệp đã quét (PDF, JPEG hoặc PNG).");
            return dossierPage(officer, code, model, errors, null);
        }
        try {
            reception.supplementAtDesk(officer.getName(), code, documents);
        } catch (SubmissionRefused e) {
            e.violations().forEach(v -> errors.field("paper-0", v.message()));
            return dossierPage(officer, code, model, errors, null);
        } catch (DossierActionRefused e) {
            return dossierPage(officer, code, model, errors.general(e.getMessage()), null);
        }
        redirect.addFlashAttribute("done", "Đã nhận %d giấy tờ bổ sung; hồ sơ %s trở lại hàng chờ tiếp nhận.".formatted(documents.size(), code));
        return "redirect:/reception/dossiers/" + code;
    }

    /** The name the procedure gives a required document, when the officer asked for it by that name; else none. */
    private String matchRequired(DossierDetail detail, String what) {
        return procedures.find(detail.summary().procedureCode(), LocalDate.now(WorkingCalendar.ZONE))
                .flatMap(p -> p.documents().stream().map(RequiredDocument::name).filter(n -> n.equalsIgnoreCase(what.strip())).findFirst())
                .orElse(null);
    }

    private String dossierPage(Authentication officer, String code, Model model, Errors errors, List<MissingItem> rows) {
        DossierDetail detail = detail(officer, code);
        model.addAttribute("dossier", detail);
        model.addAttribute("code", detail.summary().code());
        model.addAttribute("formLines", forms.lines(detail.summary().procedureCode(), detail.formVersion(), detail.form()));
        Optional<Procedure> procedure = procedures.find(detail.summary().procedureCode(), LocalDate.now(WorkingCalendar.ZONE));
        model.addAttribute("requiredDocuments", procedure.map(Procedure::documents).orElse(List.of()));
        model.addAttribute("rows", rows == null || rows.isEmpty() ? List.of(new MissingItem("", "")) : rows);
        model.addAttribute("errors", errors.fields());
        model.addAttribute("general", errors.general());
        if (!model.containsAttribute("reasons")) {
            model.addAttribute("reasons", "");
        }
        return "reception/dossier";
    }

    private DossierDetail detail(Authentication officer, String code) {
        return reception.forOfficer(officer.getName(), code).orElseThrow(ReceptionPages::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static List<MissingItem> rows(List<String> what, List<String> why) {
        List<MissingItem> rows = new ArrayList<>();
        int n = Math.min(MAX_ROWS, Math.max(what == null ? 0 : what.size(), why == null ? 0 : why.size()));
        for (int i = 0; i < n; i++) {
            rows.add(new MissingItem(at(what, i), at(why, i)));
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Optional<Upload> upload(MultipartFile file, String field) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Upload(field, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String paperFileName(DossierPaper paper, String code) {
        String base = switch (paper.kind()) {
            case "RECEIPT" -> "giay-tiep-nhan";
            case "SUPPLEMENT_REQUEST" -> "phieu-yeu-cau-bo-sung";
            case "REFUSAL" -> "phieu-tu-choi";
            case "FORM" -> "to-khai";
            default -> paper.kind().toLowerCase(java.util.Locale.ROOT);
        };
        return base + "-" + code + (paper.round() > 0 ? "-" + paper.round() : "") + ".pdf";
    }

    /** Errors of a page: by field id (the summary links to them), and one not tied to a field. */
    static final class Errors {
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private String general;

        Errors field(String id, String message) {
            fields.computeIfAbsent(id, k -> new ArrayList<>()).add(message);
            return this;
        }

        Errors general(String message) {
            this.general = message;
            return this;
        }

        boolean isEmpty() {
            return fields.isEmpty() && general == null;
        }

        Map<String, String> fields() {
            Map<String, String> joined = new LinkedHashMap<>();
            fields.forEach((k, v) -> joined.put(k, String.join(" ", v)));
            return joined;
        }

        String general() {
            return general;
        }
    }

    private static List<String> values(jakarta.servlet.http.HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : java.util.Arrays.asList(values);
    }
}
