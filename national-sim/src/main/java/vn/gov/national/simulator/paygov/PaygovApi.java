package vn.gov.national.simulator.paygov;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * SIMULATOR of PayGov's merchant API (server to server; every request and answer signed as {@link PaygovSignature}):
 * <pre>
 * GET  /paygov/api/transactions?merchant_code=&amp;order_id=&amp;request_time=&amp;secure_hash=     status query → signed result / 404
 * GET  /paygov/api/reconciliation?merchant_code=&amp;date=yyyy-MM-dd&amp;request_time=&amp;secure_hash=   the daily file (CSV),
 *      header X-PayGov-Checksum = HMAC-SHA256 of the body
 * </pre>
 * Test hooks (open, for tests and demonstrations; a real PayGov has none):
 * <pre>
 * POST /paygov/api/test/transactions   {"orderId","amount","status","paidAt"?,"notifyUrl"?,"notify"} → 201 signed result
 * POST /paygov/api/test/transactions/{transactionId}/notification   sends the notification (again) → {"httpStatus","answer"}
 * GET  /paygov/api/test/transactions?orderId=   the transactions and their notifications
 * </pre>
 */
@RestController
@RequestMapping("/paygov/api")
class PaygovApi {

    static final String NOTICE = "TRÌNH MÔ PHỎNG PayGov – không có giao dịch tiền thật. SIMULATOR of PayGov.";
    static final String CHECKSUM_HEADER = "X-PayGov-Checksum";

    private final PaymentGateway gateway;

    PaygovApi(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/transactions")
    Map<String, String> query(@RequestParam Map<String, String> request) {
        verified(request, "order_id");
        return gateway.latest(request.get("order_id")).map(gateway::result).orElseThrow(() -> SimulatorProblem.notFound(
                "unknown-order", "PayGov (mô phỏng) không có giao dịch nào của đơn hàng '%s'".formatted(request.get("order_id"))));
    }

    @GetMapping(value = "/reconciliation", produces = "text/csv")
    ResponseEntity<String> dailyFile(@RequestParam Map<String, String> request) {
        verified(request, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(request.get("date"));
        } catch (DateTimeParseException e) {
            throw SimulatorProblem.invalid("date", "iso-date", "Tham số 'date' phải là ngày dạng yyyy-MM-dd");
        }
        String csv = gateway.dailyFile(date);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(CHECKSUM_HEADER, PaygovSignature.hmac(csv, gateway.merchant().secretKey()))
                .header("Content-Disposition", "attachment; filename=\"paygov-" + date + ".csv\"")
                .body(csv);
    }

    @PostMapping("/test/transactions")
    ResponseEntity<Map<String, String>> record(@RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String orderId = check.requiredText("orderId");
        List<SimulatorProblem.FieldError> errors = new ArrayList<>();
        long amount = PaymentGateway.amount(body.path("amount").isNumber() ? body.path("amount").asString() : null, errors);
        errors.forEach(e -> check.fail(e.field(), e.rule(), e.message()));
        String status = check.oneOf("status", PaymentGateway.STATUSES);
        String notifyUrl = check.optionalText("notifyUrl");
        Instant paidAt = Instant.now();
        String at = check.optionalText("paidAt");
        if (at != null) {
            try {
                paidAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                check.fail("paidAt", "iso-instant", "Trường 'paidAt' phải là thời điểm ISO-8601, ví dụ 2026-11-27T03:00:00Z");
            }
        }
        boolean notify = body.path("notify").asBoolean(false);
        if (notify && notifyUrl == null) {
            check.fail("notifyUrl", "required-when-notify", "Trường 'notifyUrl' là bắt buộc khi 'notify' là true");
        }
        check.verify();
        PaymentGateway.Transaction transaction = gateway.record(orderId, amount, status, paidAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), notifyUrl);
        if (notify) {
            gateway.notifyMerchant(transaction);
        }
        return ResponseEntity.created(URI.create("/paygov/api/test/transactions?orderId=" + orderId)).body(gateway.result(transaction));
    }

    @PostMapping("/test/transactions/{transactionId}/notification")
    Map<String, Object> resend(@PathVariable String transactionId) {
        PaymentGateway.Transaction transaction = gateway.transaction(transactionId).orElseThrow(() -> SimulatorProblem.notFound(
                "unknown-transaction", "Không có giao dịch '%s' tại PayGov (mô phỏng)".formatted(transactionId)));
        PaymentGateway.Notification sent = gateway.notifyMerchant(transaction);
        return Map.of("notice", NOTICE, "httpStatus", sent.httpStatus(), "answer", sent.answer());
    }

    @GetMapping("/test/transactions")
    Map<String, Object> transactions(@RequestParam(required = false) String orderId) {
        List<Map<String, Object>> list = gateway.all().stream().filter(t -> orderId == null || t.orderId.equals(orderId)).map(t -> {
            Map<String, Object> json = new LinkedHashMap<>(gateway.result(t));
            json.put("notifications", t.notifications.stream().map(n -> Map.of("at", n.at().toString(), "httpStatus", n.httpStatus())).toList());
            return json;
        }).toList();
        return Map.of("notice", NOTICE, "transactions", list);
    }

    private void verified(Map<String, String> request, String required) {
        List<SimulatorProblem.FieldError> errors = new ArrayList<>();
        if (!gateway.merchant().code().equals(request.get("merchant_code"))) {
            errors.add(new SimulatorProblem.FieldError("merchant_code", "known-merchant",
                    "Tham số 'merchant_code' phải là mã đơn vị chấp nhận thanh toán đã đăng ký với PayGov (mô phỏng)"));
        }
        if (request.getOrDefault(required, "").isBlank()) {
            errors.add(new SimulatorProblem.FieldError(required, "required", "Tham số '%s' là bắt buộc".formatted(required)));
        }
        if (request.getOrDefault("request_time", "").isBlank()) {
            errors.add(new SimulatorProblem.FieldError("request_time", "required", "Tham số 'request_time' (yyyyMMddHHmmss) là bắt buộc"));
        }
        if (errors.isEmpty() && !PaygovSignature.verify(request, gateway.merchant().secretKey())) {
            errors.add(new SimulatorProblem.FieldError("secure_hash", "hmac-sha256",
                    "Tham số 'secure_hash' không khớp chữ ký HMAC-SHA256 của yêu cầu với khóa bí mật của đơn vị"));
        }
        if (!errors.isEmpty()) {
            throw SimulatorProblem.invalid(errors);
        }
    }
}
