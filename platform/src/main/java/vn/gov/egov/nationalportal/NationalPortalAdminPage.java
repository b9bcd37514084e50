package vn.gov.egov.nationalportal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The province administrator's view of the portal intake: the last poll, every dossier taken in or refused and why. */
@Controller
class NationalPortalAdminPage {

    private final PortalIntakeLog log;
    private final PortalIntake intake;

    NationalPortalAdminPage(PortalIntakeLog log, PortalIntake intake) {
        this.log = log;
        this.intake = intake;
    }

    @GetMapping("/admin/national-portal")
    String page(Model model) {
        model.addAttribute("poll", log.lastPoll().orElse(null));
        model.addAttribute("entries", log.recent(200));
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
