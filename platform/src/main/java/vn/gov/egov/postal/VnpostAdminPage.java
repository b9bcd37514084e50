package vn.gov.egov.postal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The province administrator's view of the postal intake: the last poll, every dossier taken in or refused and why. */
@Controller
class VnpostAdminPage {

    private final PostalIntakeLog log;
    private final PostalIntake intake;

    VnpostAdminPage(PostalIntakeLog log, PostalIntake intake) {
        this.log = log;
        this.intake = intake;
    }

    @GetMapping("/admin/vnpost")
    String page(Model model) {
        model.addAttribute("poll", log.lastPoll().orElse(null));
        model.addAttribute("entries", log.recent(200));
        return "postal/admin";
    }

    /** Polls now, without waiting for the schedule. */
    @PostMapping("/admin/vnpost/poll")
    String pollNow(RedirectAttributes redirect) {
        PostalIntake.Result result = intake.poll();
        redirect.addFlashAttribute("done", "Đã đồng bộ: %d bưu gửi lấy về, %d đã đăng ký, %d bị từ chối, %d lỗi."
                .formatted(result.fetched(), result.registered(), result.refused(), result.failed()));
        return "redirect:/admin/vnpost";
    }
}
