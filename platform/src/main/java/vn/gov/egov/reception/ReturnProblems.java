package vn.gov.egov.reception;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.UnknownDossier;

/** The return API's refusals as RFC 9457 problem+json, each broken rule naming its field. */
@RestControllerAdvice(assignableTypes = ReturnApiController.class)
class ReturnProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    @ExceptionHandler(SubmissionRefused.class)
    ResponseEntity<ProblemDetail> refused(SubmissionRefused e) {
        ProblemDetail body = body(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-return", "Thông tin trả kết quả không hợp lệ", e.getMessage());
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", v.message())).toList();
        body.setProperty("errors", errors);
        return response(body);
    }

    @ExceptionHandler(UnknownDossier.class)
    ResponseEntity<ProblemDetail> unknown(UnknownDossier e) {
        return response(body(HttpStatus.NOT_FOUND, "unknown-dossier", "Không tìm thấy hồ sơ", "Không có hồ sơ mã " + e.getMessage()));
    }

    @ExceptionHandler(DossierActionRefused.class)
    ResponseEntity<ProblemDetail> actionRefused(DossierActionRefused e) {
        HttpStatus status = e.rule().equals("not-permitted") ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ProblemDetail body = body(status, e.rule(), status == HttpStatus.FORBIDDEN ? "Không có quyền" : "Trạng thái hồ sơ không cho phép",
                e.getMessage());
        body.setProperty("rule", e.rule());
        return response(body);
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    private static ResponseEntity<ProblemDetail> response(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
