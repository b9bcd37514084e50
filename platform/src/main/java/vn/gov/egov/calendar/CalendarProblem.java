package vn.gov.egov.calendar;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The calendar API's errors as RFC 9457 problem details, with a Vietnamese {@code detail} that names the parameter
 * and the rule, and the same as data: {@code parameter} and {@code rule}, or {@code errors} for several fields.
 */
final class CalendarProblem {

    static final URI INVALID_PARAMETER = URI.create("urn:egov:calendar:invalid-parameter");
    static final URI INVALID_ANNOUNCEMENT = URI.create("urn:egov:calendar:invalid-announcement");

    private CalendarProblem() {
    }

    static ErrorResponseException badParameter(String parameter, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Tham số '" + parameter + "': " + detail);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Tham số không hợp lệ");
        problem.setProperty("parameter", parameter);
        problem.setProperty("rule", rule);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ProblemDetail rejected(AnnouncementRejected rejection, CalendarMessages messages) {
        HttpStatus status = switch (rejection.why()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case ALREADY_ANNOUNCED -> HttpStatus.CONFLICT;
            case NOT_ANNOUNCED -> HttpStatus.NOT_FOUND;
        };
        List<Map<String, String>> errors = rejection.violations().stream()
                .map(v -> Map.of("field", v.field(), "rule", v.rule(),
                        "message", messages.violation(v, CalendarMessages.VIETNAMESE)))
                .toList();
        String detail = String.join(" ", errors.stream()
                .map(error -> "Trường '" + error.get("field") + "': " + error.get("message")).toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(INVALID_ANNOUNCEMENT);
        problem.setTitle(switch (rejection.why()) {
            case INVALID -> "Công bố không hợp lệ";
            case ALREADY_ANNOUNCED -> "Ngày đã có công bố";
            case NOT_ANNOUNCED -> "Ngày chưa có công bố";
        });
        problem.setProperty("errors", errors);
        return problem;
    }
}
