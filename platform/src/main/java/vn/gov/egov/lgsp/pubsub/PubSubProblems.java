package vn.gov.egov.lgsp.pubsub;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Pub/sub's refusals as RFC 9457 problem+json: a stable error class {@code pubsub.<reason>} in the problem's
 * {@code errorClass} member and in the {@code X-Lgsp-Error} header, and a Vietnamese detail naming field and rule.
 */
final class PubSubProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/lgsp/";

    private PubSubProblems() {
    }

    static ErrorResponseException problem(HttpStatus status, String reason, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + "pubsub." + reason));
        body.setTitle(title);
        body.setProperty("errorClass", "pubsub." + reason);
        ErrorResponseException e = new ErrorResponseException(status, body, null);
        e.getHeaders().add("X-Lgsp-Error", "pubsub." + reason);
        return e;
    }

    static ErrorResponseException unknownEventType(String path) {
        return problem(HttpStatus.NOT_FOUND, "unknown_event_type", "Không có loại sự kiện",
                "Không có loại sự kiện '%s' trên LGSP".formatted(path));
    }

    static ErrorResponseException unknownSubscription(Object id) {
        return problem(HttpStatus.NOT_FOUND, "unknown_subscription", "Không có đăng ký nhận sự kiện",
                "Không có đăng ký nhận sự kiện '%s'".formatted(id));
    }

    static ErrorResponseException notPublisher(String path) {
        return problem(HttpStatus.FORBIDDEN, "not_publisher", "Không được phát hành",
                "Chỉ hệ thống sở hữu loại sự kiện '%s' mới được phát hành sự kiện loại này".formatted(path));
    }

    static ErrorResponseException notSubscriber() {
        return problem(HttpStatus.FORBIDDEN, "not_subscriber", "Không phải bên đăng ký",
                "Chỉ hệ thống đã đăng ký mới được nhận và xác nhận sự kiện của đăng ký này");
    }

    static ErrorResponseException notPublishable(String path, Object state) {
        return problem(HttpStatus.CONFLICT, "event_type_not_callable", "Loại sự kiện không phát hành được",
                "Loại sự kiện '%s' đang ở trạng thái %s: chỉ phát hành được khi thử nghiệm, đã công bố hoặc sắp ngừng".formatted(path, state));
    }

    static ErrorResponseException badRequest(String field, String rule, String detail) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "bad_request", "Yêu cầu không hợp lệ", detail);
        e.getBody().setProperty("field", field);
        e.getBody().setProperty("rule", rule);
        return e;
    }

    static ErrorResponseException conflict(String reason, String detail) {
        return problem(HttpStatus.CONFLICT, reason, "Xung đột", detail);
    }

    static ErrorResponseException schemaViolation(String what, List<EventSchemas.Violation> violations) {
        EventSchemas.Violation first = violations.get(0);
        ErrorResponseException e = problem(HttpStatus.UNPROCESSABLE_CONTENT, "schema_violation", "Sự kiện không đúng lược đồ",
                "%s không đúng lược đồ JSON của loại sự kiện: tại '%s' vi phạm quy tắc '%s' (%s)%s".formatted(what, first.path(),
                        first.rule(), first.message(), violations.size() > 1 ? "; và %d lỗi khác".formatted(violations.size() - 1) : ""));
        e.getBody().setProperty("violations", violations);
        return e;
    }

    static ErrorResponseException invalidSchema(List<EventSchemas.Violation> violations) {
        EventSchemas.Violation first = violations.get(0);
        ErrorResponseException e = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_schema", "Lược đồ JSON không hợp lệ",
                "Trường 'jsonSchema' không phải lược đồ JSON hợp lệ: tại '%s' vi phạm quy tắc '%s' (%s)".formatted(first.path(),
                        first.rule(), first.message()));
        e.getBody().setProperty("violations", violations);
        return e;
    }
}
