package vn.gov.egov.web;

import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every refusal of a REST controller, including the modules' own {@code ErrorResponseException}s, as problem+json. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** A body that is not JSON, or JSON of the wrong shape: say where, in Vietnamese, without echoing the input. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "Nội dung yêu cầu không đọc được: phải là JSON đúng cấu trúc của API";
        String field = null;
        if (ex.getCause() instanceof JacksonException jackson) {
            field = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (!field.isEmpty()) {
                detail = "Trường '%s' có giá trị sai kiểu hoặc sai cấu trúc so với mô tả API".formatted(field);
            } else if (jackson instanceof tools.jackson.core.exc.StreamReadException) {
                detail = "Nội dung yêu cầu không phải JSON hợp lệ (dòng %d, cột %d)".formatted(
                        jackson.getLocation() == null ? 0 : jackson.getLocation().getLineNr(),
                        jackson.getLocation() == null ? 0 : jackson.getLocation().getColumnNr());
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Nội dung yêu cầu không hợp lệ");
        body.setType(java.net.URI.create("https://egov.langson.gov.vn/problems/unreadable-body"));
        if (field != null && !field.isEmpty()) {
            body.setProperty("field", field);
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }
}
