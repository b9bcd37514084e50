package vn.gov.national.simulator.paygov;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated PayGov's pages: the pay page the citizen's browser is redirected to (a signed request of the
 * merchant), which ends in a transaction, the notification to the merchant (IPN) and a redirect back to the
 * merchant's return URL with the signed result; and a list of every transaction.
 */
@Controller
class PaygovPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(JsonBodyCheck.VIETNAM);

    private final PaymentGateway gateway;

    PaygovPage(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping({"/paygov", "/paygov/"})
    String home(Model model) {
        model.addAttribute("transactions", gateway.all().stream().limit(200).map(t -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", t.transactionId);
            row.put("order", t.orderId);
            row.put("amount", vnd(t.amount));
            row.put("status", t.status);
            row.put("at", TIME.format(t.at));
            row.put("notified", t.notifications.isEmpty() ? "chưa gửi"
                    : t.notifications.get(t.notifications.size() - 1).httpStatus() + " (" + t.notifications.size() + " lần)");
            return row;
        }).toList());
        return "paygov/home";
    }

    @GetMapping("/paygov/pay")
    String pay(@RequestParam Map<String, String> request, Model model) {
        PaymentGateway.Checkout checkout = gateway.open(request);
        model.addAttribute("checkout", checkout);
        model.addAttribute("amount", vnd(checkout.amount()));
        model.addAttribute("merchant", gateway.merchant().code());
        return "paygov/pay";
    }

    @PostMapping("/paygov/pay/{checkoutId}")
    RedirectView complete(@PathVariable String checkoutId, @RequestParam String status,
                          @RequestParam(name = "withoutNotification", required = false) String withoutNotification) {
        if (!PaymentGateway.STATUSES.contains(status)) {
            throw SimulatorProblem.invalid("status", "one-of", "Tham số 'status' phải là SUCCESS, FAILED hoặc CANCELLED");
        }
        String returnUrl = gateway.checkout(checkoutId).map(PaymentGateway.Checkout::returnUrl).orElse(null);
        PaymentGateway.Transaction transaction = gateway.complete(checkoutId, status, withoutNotification == null);
        RedirectView back = new RedirectView(gateway.returnUrl(returnUrl, transaction));
        back.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
        return back;
    }

    static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đồng";
    }
}
