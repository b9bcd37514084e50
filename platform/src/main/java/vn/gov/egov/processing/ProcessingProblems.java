package vn.gov.egov.processing;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the processing API as RFC 9457 problem+json, naming the task and the rule. */
@RestControllerAdvice(assignableTypes = ProcessingApi.class)
class ProcessingProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    @ExceptionHandler(TaskRefused.class)
    ResponseEntity<ProblemDetail> refused(TaskRefused e) {
        HttpStatus status = switch (e.reason()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        String title = switch (e.reason()) {
            case FORBIDDEN -> "Không có quyền";
            case CONFLICT -> "Không thực hiện được ở trạng thái hiện tại";
            case INVALID -> "Yêu cầu không hợp lệ";
            case NOT_FOUND -> "Không tìm thấy";
        };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        body.setType(URI.create(TYPE_BASE + e.rule()));
        body.setTitle(title);
        body.setProperty("rule", e.rule());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
