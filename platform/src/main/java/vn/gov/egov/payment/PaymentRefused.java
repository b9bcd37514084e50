package vn.gov.egov.payment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused payment action or notification, answered as problem+json naming the field and the rule. */
class PaymentRefused extends ErrorResponseException {

    static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    record FieldError(String field, String rule, String message) {
    }

    PaymentRefused(List<FieldError> errors) {
        this(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-payment", "Yêu cầu thanh toán không hợp lệ",
                errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        getBody().setProperty("field", errors.get(0).field());
        getBody().setProperty("rule", errors.get(0).rule());
        getBody().setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "rule", e.rule(), "message", e.message())).toList());
    }

    PaymentRefused(HttpStatus status, String type, String title, String detail) {
        super(status, body(status, type, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("rule", type);
        return body;
    }

    static PaymentRefused invalid(String field, String rule, String message) {
        return new PaymentRefused(List.of(new FieldError(field, rule, message)));
    }

    static PaymentRefused conflict(String rule, String detail) {
        return new PaymentRefused(HttpStatus.CONFLICT, rule, "Trạng thái thanh toán không cho phép", detail);
    }

    static PaymentRefused notification(String rule, String detail) {
        return new PaymentRefused(HttpStatus.BAD_REQUEST, rule, "Thông báo thanh toán bị từ chối", detail);
    }

    static PaymentRefused unknownDossier(String code) {
        return new PaymentRefused(HttpStatus.NOT_FOUND, "unknown-dossier", "Không tìm thấy hồ sơ",
                "Không có hồ sơ mã '%s' mà Ông/Bà được xem".formatted(code));
    }

    static PaymentRefused unavailable(String detail) {
        return new PaymentRefused(HttpStatus.SERVICE_UNAVAILABLE, "paygov-unavailable", "Thanh toán trực tuyến chưa sẵn sàng", detail);
    }
}
