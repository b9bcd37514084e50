package vn.gov.egov.eform;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The versions of a procedure's form: the list (public, like the forms), and publishing a new one (province administrator). */
@RestController
class FormVersionsApiController {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    private final Forms forms;
    private final PublishingForms publishing;

    FormVersionsApiController(Forms forms, PublishingForms publishing) {
        this.forms = forms;
        this.publishing = publishing;
    }

    record VersionSummary(String procedureCode, int version, String title, LocalDate validFrom, boolean current,
                          boolean demonstration, Instant createdAt) {
    }

    @GetMapping("/api/v1/procedures/{code}/form/versions")
    List<VersionSummary> versions(@PathVariable String code) {
        List<FormDefinition> versions = forms.versions(code);
        if (versions.isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-form", "Không tìm thấy biểu mẫu điện tử",
                    new UnknownForm(code, null).getMessage(), Map.of());
        }
        int current = forms.current(code).map(FormDefinition::version).orElse(0);
        return versions.stream().map(f -> new VersionSummary(f.procedureCode(), f.version(), f.title(), f.validFrom(),
                f.version() == current, f.demonstration(), f.createdAt())).toList();
    }

    @PostMapping("/api/v1/procedures/{code}/form/versions")
    ResponseEntity<VersionSummary> publish(@PathVariable String code, @RequestBody JsonNode request, Principal principal) {
        LocalDate validFrom = null;
        JsonNode date = request == null ? null : request.get("validFrom");
        if (date != null && date.isString()) {
            try {
                validFrom = LocalDate.parse(date.stringValue());
            } catch (DateTimeParseException e) {
                throw problem(HttpStatus.BAD_REQUEST, "invalid-form-version", "Phiên bản biểu mẫu không hợp lệ",
                        "Ngày áp dụng (validFrom) phải có dạng năm-tháng-ngày, ví dụ 2026-12-01.",
                        Map.of("validFrom", "Ngày áp dụng phải có dạng năm-tháng-ngày, ví dụ 2026-12-01."));
            }
        }
        JsonNode schema = request == null ? null : request.get("schema");
        if (schema != null && schema.toString().length() > PublishingForms.MAX_SCHEMA_CHARACTERS) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-form-version", "Phiên bản biểu mẫu không hợp lệ",
                    "Biểu mẫu dài quá " + PublishingForms.MAX_SCHEMA_CHARACTERS + " ký tự.", Map.of());
        }
        try {
            FormDefinition form = publishing.publish(code, validFrom, schema, principal.getName());
            boolean current = forms.current(code).map(FormDefinition::version).orElse(0) == form.version();
            return ResponseEntity.created(URI.create("/api/v1/procedures/" + code + "/form?version=" + form.version()))
                    .body(new VersionSummary(code, form.version(), form.title(), form.validFrom(), current, form.demonstration(),
                            form.createdAt()));
        } catch (PublishingForms.Refused refused) {
            HttpStatus status = refused.errors().containsKey("procedure") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            throw problem(status, status == HttpStatus.NOT_FOUND ? "unknown-procedure" : "invalid-form-version",
                    status == HttpStatus.NOT_FOUND ? "Không tìm thấy thủ tục hành chính" : "Phiên bản biểu mẫu không hợp lệ",
                    refused.getMessage(), refused.errors());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
                                                  Map<String, String> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors.entrySet().stream()
                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        }
        return new ErrorResponseException(status, body, null);
    }
}
