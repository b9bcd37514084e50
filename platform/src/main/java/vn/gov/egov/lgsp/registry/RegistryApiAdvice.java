package vn.gov.egov.lgsp.registry;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's refusals as RFC 9457 problem+json: {@code errors} lists each field, rule and Vietnamese message. */
@RestControllerAdvice(assignableTypes = {CatalogApi.class, RegistryApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiAdvice {

    static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/lgsp-registry/";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RegistryRejected rejection) {
        HttpStatus status = switch (rejection.why()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.getMessage());
        problem.setType(URI.create(TYPE_BASE + rejection.why().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setTitle(switch (rejection.why()) {
            case INVALID -> "Dữ liệu không hợp lệ";
            case CONFLICT -> "Xung đột với dữ liệu đã có";
            case NOT_FOUND -> "Không tìm thấy";
        });
        problem.setProperty("errors", rejection.violations());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nội dung yêu cầu phải là JSON đúng mẫu của tài liệu API (/v3/api-docs)");
        problem.setType(URI.create(TYPE_BASE + "unreadable"));
        problem.setTitle("Nội dung không đọc được");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
