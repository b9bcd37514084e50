package vn.gov.egov.procedure;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The module's refusals, answered as RFC 9457 problem+json with a Vietnamese detail. */
final class ProcedureProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    private ProcedureProblems() {
    }

    static ErrorResponseException unknownProcedure(String code, Object asOf) {
        ErrorResponseException e = problem(HttpStatus.NOT_FOUND, "unknown-procedure", "Không tìm thấy thủ tục hành chính",
                "Không có thủ tục hành chính mã '%s' có hiệu lực ngày %s".formatted(code, asOf));
        e.getBody().setProperty("code", code);
        return e;
    }

    static ErrorResponseException badParameter(String parameter, String rule, String detail) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Tham số không hợp lệ", detail);
        e.getBody().setProperty("parameter", parameter);
        e.getBody().setProperty("rule", rule);
        return e;
    }

    static ErrorResponseException nationalDatabaseUnavailable(String source, Exception cause) {
        return new ErrorResponseException(HttpStatus.BAD_GATEWAY, body(HttpStatus.BAD_GATEWAY, "national-procedures-unavailable",
                "Không kết nối được CSDL quốc gia về thủ tục hành chính",
                "Không đọc được danh sách thủ tục từ %s; chưa có gì được ghi.".formatted(source)), cause);
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, body(status, type, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }
}
