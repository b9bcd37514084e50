package vn.gov.egov.eform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The public contract: a procedure's form as JSON Schema, and the check of a filled form. */
@RestController
class FormApiController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    private final Forms forms;

    FormApiController(Forms forms) {
        this.forms = forms;
    }

    @GetMapping("/api/v1/procedures/{code}/form")
    ResponseEntity<JsonNode> form(@PathVariable String code, @RequestParam(required = false) Integer version, WebRequest request) {
        FormDefinition form = find(code, version);
        String etag = "\"" + form.procedureCode() + "-v" + form.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        ObjectNode schema = ((ObjectNode) form.schema()).deepCopy();
        schema.put("x-form-version", form.version());
        schema.put("x-procedure-code", form.procedureCode());
        schema.put("x-valid-from", form.validFrom().toString());
        return ResponseEntity.ok().contentType(SCHEMA_JSON).eTag(etag).body(schema);
    }

    @PostMapping("/api/v1/procedures/{code}/form/validate")
    ResponseEntity<Map<String, Object>> validate(@PathVariable String code, @RequestParam(required = false) Integer version,
                                                 @RequestBody JsonNode filled) {
        FormDefinition form = find(code, version);
        List<FieldError> errors = forms.validate(form, filled);
        if (errors.isEmpty()) {
            return ResponseEntity.ok(Map.of("valid", true, "version", form.version()));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Biểu mẫu '%s' (phiên bản %d) có %d lỗi.".formatted(form.title(), form.version(), errors.size()));
        body.setType(URI.create(TYPE_BASE + "invalid-form"));
        body.setTitle("Biểu mẫu điền chưa hợp lệ");
        body.setProperty("version", form.version());
        body.setProperty("errors", errors);
        throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, body, null);
    }

    private FormDefinition find(String code, Integer version) {
        return (version == null ? forms.current(code) : forms.version(code, version)).orElseThrow(() -> {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new UnknownForm(code, version).getMessage());
            body.setType(URI.create(TYPE_BASE + "unknown-form"));
            body.setTitle("Không tìm thấy biểu mẫu điện tử");
            body.setProperty("code", code);
            return new ErrorResponseException(HttpStatus.NOT_FOUND, body, null);
        });
    }
}
