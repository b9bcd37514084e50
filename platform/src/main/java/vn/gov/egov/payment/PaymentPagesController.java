package vn.gov.egov.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.identity.Citizens;

/**
 * The citizen's payment page of a dossier ({@code /my/dossiers/{code}/payment}): the fees and the amount, the way to
 * PayGov, the return from PayGov, the receipt. And the receipt for the one-stop officers of the receiving agency.
 */
@Controller
class PaymentPagesController {

    private final PaymentAccess access;
    private final PaymentStore store;
    private final PayingOnline paying;
    private final PaygovSettings settings;

    PaymentPagesController(PaymentAccess access, PaymentStore store, PayingOnline paying, PaygovSettings settings) {
        this.access = access;
        this.store = store;
        this.paying = paying;
        this.settings = settings;
    }

    @GetMapping("/my/dossiers/{code}/payment")
    String page(Authentication authentication, @PathVariable String code, Model model) {
        DossierDetail dossier = access.ofCitizen(account(authentication), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("dossier", dossier.summary());
        model.addAttribute("payment", access.current(code).map(PaymentView::of).orElse(null));
        model.addAttribute("online", settings.configured());
        return "payment/payment";
    }

    /** A link, not a form: the page's policy allows forms to post only to the platform itself. */
    @GetMapping("/my/dossiers/{code}/payment/paygov")
    String toPaygov(Authentication authentication, @PathVariable String code, RedirectAttributes redirect) {
        access.ofCitizen(account(authentication), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Payment payment = access.current(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            return "redirect:" + paying.start(payment, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        } catch (PaymentRefused e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
            return "redirect:/my/dossiers/" + code + "/payment";
        }
    }

    @GetMapping("/my/dossiers/{code}/payment/return")
    String returned(Authentication authentication, @PathVariable String code, HttpServletRequest request, RedirectAttributes redirect) {
        access.ofCitizen(account(authentication), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
        Optional<Payment> payment = orderOf(parameters).flatMap(store::byId).filter(p -> p.dossierCode().equals(code));
        if (payment.isEmpty()) {
            redirect.addFlashAttribute("problem", "Kết quả thanh toán trả về không thuộc hồ sơ này.");
            return "redirect:/my/dossiers/" + code + "/payment";
        }
        try {
            Optional<PayingOnline.Handled> handled = paying.returned(payment.get(), parameters);
            redirect.addFlashAttribute(handled.isEmpty() && !parameters.containsKey("transaction_id") ? "problem" : "outcome",
                    message(handled, parameters));
        } catch (PaygovClient.Unavailable e) {
            redirect.addFlashAttribute("problem", "Chưa xác nhận được kết quả với PayGov: " + e.getMessage()
                    + ". Hệ thống sẽ ghi nhận khi PayGov gửi thông báo; Ông/Bà có thể kiểm tra lại sau.");
        }
        return "redirect:/my/dossiers/" + code + "/payment";
    }

    @PostMapping("/my/dossiers/{code}/payment/check")
    String check(Authentication authentication, @PathVariable String code, RedirectAttributes redirect) {
        access.ofCitizen(account(authentication), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Payment payment = access.current(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            redirect.addFlashAttribute("outcome", message(paying.check(payment), Map.of("transaction_id", "")));
        } catch (PaygovClient.Unavailable e) {
            redirect.addFlashAttribute("problem", "Chưa kiểm tra được với PayGov: " + e.getMessage());
        }
        return "redirect:/my/dossiers/" + code + "/payment";
    }

    @GetMapping("/my/dossiers/{code}/payment/receipt")
    ResponseEntity<byte[]> receipt(Authentication authentication, @PathVariable String code) {
        access.ofCitizen(account(authentication), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return PaymentApiController.pdf(access.receipt(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), code);
    }

    @GetMapping("/reception/dossiers/{code}/payment/receipt")
    ResponseEntity<byte[]> officerReceipt(Authentication authentication, @PathVariable String code) {
        access.ofOfficer(authentication.getName(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return PaymentApiController.pdf(access.receipt(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), code);
    }

    private static String message(Optional<PayingOnline.Handled> handled, Map<String, String> parameters) {
        if (handled.isEmpty()) {
            return parameters.containsKey("transaction_id")
                    ? "PayGov chưa xác nhận giao dịch. Khi PayGov xác nhận, trạng thái sẽ được cập nhật; Ông/Bà có thể bấm \"Kiểm tra lại\"."
                    : "Kết quả trả về không mang chữ ký hợp lệ của PayGov: trạng thái thanh toán không thay đổi.";
        }
        return switch (handled.get()) {
            case ACCEPTED, REPEATED -> "Thanh toán thành công. Biên lai điện tử đã được phát hành.";
            case FAILED_PAYMENT -> "Giao dịch không thành công hoặc đã hủy. Ông/Bà có thể thanh toán lại.";
            default -> "PayGov báo kết quả không khớp với yêu cầu thanh toán; bộ phận một cửa sẽ kiểm tra và liên hệ Ông/Bà.";
        };
    }

    private static Optional<UUID> orderOf(Map<String, String> parameters) {
        try {
            return Optional.of(UUID.fromString(parameters.getOrDefault("order_id", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID account(Authentication authentication) {
        return Citizens.accountIdOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
