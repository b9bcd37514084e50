package vn.gov.egov.postal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.reception.DossierIntake;

/**
 * The province administrator's view of the postal intake (the last poll, every dossier taken in or refused and why)
 * and of the results sent by post with their tracking states.
 */
@Controller
class VnpostAdminPage {

    private final DossierIntake intake;
    private final PostalDeliveries vnpost;
    private final ShipmentLog shipments;
    private final ShippingResults shipping;

    VnpostAdminPage(DossierIntake intake, PostalDeliveries vnpost, ShipmentLog shipments, ShippingResults shipping) {
        this.intake = intake;
        this.vnpost = vnpost;
        this.shipments = shipments;
        this.shipping = shipping;
    }

    @GetMapping("/admin/vnpost")
    String page(Model model) {
        model.addAttribute("poll", intake.lastPoll(vnpost.channel()).orElse(null));
        model.addAttribute("entries", intake.recent(vnpost.channel(), 200));
        model.addAttribute("shipments", shipments.recent(200));
        return "postal/admin";
    }

    /** Polls now, without waiting for the schedule. */
    @PostMapping("/admin/vnpost/poll")
    String pollNow(RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", intake.poll(vnpost).summary(vnpost.itemName()));
        return "redirect:/admin/vnpost";
    }

    /** Retries the shipments left to create and follows those on their way, without waiting for the schedule. */
    @PostMapping("/admin/vnpost/shipments/poll")
    String followShipments(RedirectAttributes redirect) {
        ShippingResults.Result result = shipping.poll();
        redirect.addFlashAttribute("done", "Đã theo dõi bưu gửi trả kết quả: %d đã gửi, %d cập nhật hành trình, %d lỗi."
                .formatted(result.shipped(), result.tracked(), result.failed()));
        return "redirect:/admin/vnpost";
    }
}
