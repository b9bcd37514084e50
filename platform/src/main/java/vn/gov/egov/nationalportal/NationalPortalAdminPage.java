package vn.gov.egov.nationalportal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.reception.DossierIntake;

/**
 * The province administrator's view of the portal: the last poll, every dossier taken in or refused and why, the status
 * reports waiting to be sent, the last batch and the reports the portal refused.
 */
@Controller
class NationalPortalAdminPage {

    private final DossierIntake intake;
    private final PortalDeliveries portal;
    private final StatusReportQueue reports;

    NationalPortalAdminPage(DossierIntake intake, PortalDeliveries portal, StatusReportQueue reports) {
        this.intake = intake;
        this.portal = portal;
        this.reports = reports;
    }

    @GetMapping("/admin/national-portal")
    String page(Model model) {
        model.addAttribute("poll", intake.lastPoll(portal.channel()).orElse(null));
        model.addAttribute("entries", intake.recent(portal.channel(), 200));
        model.addAttribute("backlog", reports.backlog());
        model.addAttribute("lastBatch", reports.lastBatch().orElse(null));
        model.addAttribute("refusedReports", reports.refused(200));
        return "nationalportal/admin";
    }

    /** Polls now, without waiting for the schedule. */
    @PostMapping("/admin/national-portal/poll")
    String pollNow(RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", intake.poll(portal).summary(portal.itemName()));
        return "redirect:/admin/national-portal";
    }
}
