package vn.gov.egov.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * PayGov's server-to-server notification (IPN), open to the network: trust comes only from the HMAC signature.
 * 200 when handled (also for a repeated one), 400 problem+json when forged, malformed, for an unknown order or for
 * an amount that is not the one requested.
 */
@RestController
@Tag(name = "PayGov", description = "PayGov's payment notifications")
class PaygovNotificationController {

    record Acknowledged(String code, String message, String outcome) {
    }

    private final PayingOnline paying;

    PaygovNotificationController(PayingOnline paying) {
        this.paying = paying;
    }

    @PostMapping(path = "/api/v1/paygov/notifications", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @Operation(summary = "PayGov's signed notification of a transaction (secure_hash = HMAC-SHA256 of the sorted fields)")
    Acknowledged notified(@RequestBody JsonNode body) {
        Map<String, String> fields = PaygovClient.fields(body);
        PayingOnline.Handled handled = paying.notified(fields);
        return switch (handled) {
            case AMOUNT_MISMATCH -> throw PaymentRefused.notification("amount-mismatch",
                    "Thông báo thanh toán bị từ chối: số tiền 'amount' (%s đồng) khác số tiền yêu cầu thanh toán của đơn hàng '%s'; đã ghi nhận sai lệch"
                            .formatted(fields.get("amount"), fields.get("order_id")));
            case UNKNOWN_ORDER -> throw PaymentRefused.notification("unknown-order",
                    "Thông báo thanh toán bị từ chối: không có yêu cầu thanh toán mã '%s' ('order_id')".formatted(fields.get("order_id")));
            case REPEATED -> new Acknowledged("00", "Đã ghi nhận trước đó", handled.name());
            default -> new Acknowledged("00", "Đã ghi nhận", handled.name());
        };
    }
}
