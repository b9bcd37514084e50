package vn.gov.egov.nationalportal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The province administrator's view of the portal: the last poll, every dossier taken in or refused and why, the status
 * reports waiting to be sent, the last batch and the reports the portal refused.
 */
@Controller
class NationalPortalAdminPage {

    private final PortalIntakeLog log;
    private final PortalIntake intake;
    private final StatusReportQueue reports;

    NationalPortalAdminPage(PortalIntakeLog log, PortalIntake intake, StatusReportQueue reports) {
        this.log = log;
        this.intake = intake;
        this.reports = reports;
    }

    @GetMapping("/admin/national-portal")
    String page(Model model) {
        model.addAttribute("poll", log.lastPoll().orElse(null));
        model.addAttribute("entries", log.recent(200));
        model.addAttribute("backlog", reports.backlog());
        model.addAttribute("lastBatch", reports.lastBatch().orElse(null));
        model.addAttribute("refusedReports", reports.refused(200));
        return "nationalportal/admin";
    }

    /** Polls now, without waiting for the schedule. */
    @PostMapping("/admin/national-portal/poll")
    String pollNow(RedirectAttributes redirect) {
        PortalIntake.Result result = intake.poll();
        redirect.addFlashAttribute("done", "Đã đồng bộ: %d hồ sơ lấy về, %d đã đăng ký, %d bị từ chối, %d lỗi."
                .formatted(result.fetched(), result.registered(), result.refused(), result.failed()));
        return "redirect:/admin/national-portal";
    }
}
