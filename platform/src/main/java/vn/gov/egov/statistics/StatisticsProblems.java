package vn.gov.egov.statistics;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The module's refusals, answered as RFC 9457 problem+json naming the parameter and the rule. */
final class StatisticsProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    private StatisticsProblems() {
    }

    /** A parameter that cannot be read (400). */
    static ErrorResponseException badParameter(String parameter, String rule, String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Tham số không hợp lệ", parameter, rule, detail);
    }

    /** Parameters that can be read but do not make a period that can be counted (422). */
    static ErrorResponseException badPeriod(String parameter, String rule, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-period", "Khoảng thời gian không hợp lệ", parameter, rule, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String parameter, String rule,
                                                  String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("parameter", parameter);
        body.setProperty("rule", rule);
        return new ErrorResponseException(status, body, null);
    }
}
