package vn.gov.egov.route;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** The route API's refusals as problem+json, with every problem naming its element and rule. */
@RestControllerAdvice(assignableTypes = RoutesApiController.class)
class RoutesApiAdvice {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RouteRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setType(URI.create(TYPE_BASE + "route-refused"));
        problem.setTitle("Quy trình không hợp lệ");
        List<Map<String, String>> problems = refused.problems().stream()
                .map(p -> Map.of("element", p.element(), "rule", p.rule(), "message", p.message())).toList();
        problem.setProperty("problems", problems);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unmatched(DecisionTable.Unmatched unmatched) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, unmatched.getMessage());
        problem.setType(URI.create(TYPE_BASE + "decision-unmatched"));
        problem.setTitle("Không có quy tắc nào khớp");
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        return ResponseEntity.status(e.getStatusCode()).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nội dung yêu cầu không đọc được (JSON không hợp lệ)");
        return ResponseEntity.badRequest().body(problem);
    }
}
