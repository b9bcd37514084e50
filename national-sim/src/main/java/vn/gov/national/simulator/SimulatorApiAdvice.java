package vn.gov.national.simulator;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** problem+json with Vietnamese text for the simulated population, business, portal, VNPost, SMS, PayGov and document-backbone APIs. */
@RestControllerAdvice(basePackages = {
        "vn.gov.national.simulator.population", "vn.gov.national.simulator.businessregistry",
        "vn.gov.national.simulator.nationalportal", "vn.gov.national.simulator.vnpost", "vn.gov.national.simulator.sms",
        "vn.gov.national.simulator.paygov", "vn.gov.national.simulator.documentbackbone"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SimulatorApiAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(SimulatorProblem problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return refused(SimulatorProblem.invalid("body", "json",
                "Nội dung yêu cầu (body) phải là một đối tượng JSON hợp lệ"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notJson(HttpMediaTypeNotSupportedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Tiêu đề Content-Type phải là application/json");
        body.setTitle("Kiểu nội dung không được hỗ trợ");
        body.setProperty("simulator", true);
        body.setProperty("field", "Content-Type");
        body.setProperty("rule", "media-type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return refused(SimulatorProblem.invalid(e.getName(), "type",
                "Tham số '%s' có giá trị '%s' không đúng kiểu".formatted(e.getName(), e.getValue())));
    }
}
