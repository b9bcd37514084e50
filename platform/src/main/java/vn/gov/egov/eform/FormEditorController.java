package vn.gov.egov.eform;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The province administrator's form editor: the procedures with forms and their versions; one form's JSON Schema
 * with a live preview (htmx posts the text on change and gets the rendered fields or the schema's errors back);
 * publishing a new version valid from a date.
 */
@Controller
class FormEditorController {

    private static final Pattern CODE = Pattern.compile("^[0-9A-Za-z.\\-]{1,30}$");
    private static final String STARTER = """
            {
              "title": "Tờ khai …",
              "type": "object",
              "properties": {
                "hoTen": {"type": "string", "title": "Họ và tên", "x-prefill": "applicant.fullName",
                  "x-layout": {"order": 1, "group": "Thông tin người yêu cầu"}}
              },
              "required": ["hoTen"]
            }
            """;

    private final Forms forms;
    private final PublishingForms publishing;
    private final ObjectMapper json;

    FormEditorController(Forms forms, PublishingForms publishing, ObjectMapper json) {
        this.forms = forms;
        this.publishing = publishing;
        this.json = json;
    }

    @GetMapping("/admin/forms")
    String list(@RequestParam(required = false) String code, Model model) {
        if (code != null && CODE.matcher(code.strip()).matches()) {
            return "redirect:/admin/forms/" + code.strip();
        }
        model.addAttribute("forms", publishing.latestForms());
        model.addAttribute("code", code);
        model.addAttribute("codeError", code == null ? null : "Mã thủ tục chỉ gồm chữ số, chữ cái, dấu chấm và gạch ngang, ví dụ 1.000001.");
        return "eform/forms";
    }

    @GetMapping("/admin/forms/{code}")
    String editor(@PathVariable String code, @RequestParam(required = false) Integer published, Model model) {
        requireCode(code);
        List<FormDefinition> versions = forms.versions(code);
        String schema = versions.isEmpty() ? STARTER : pretty(versions.get(versions.size() - 1).schema());
        return page(code, schema, LocalDate.now(Forms.VIETNAM).toString(), Map.of(), published, model);
    }

    @PostMapping("/admin/forms/{code}")
    String publish(@PathVariable String code, @RequestParam(defaultValue = "") String schema,
                   @RequestParam(defaultValue = "") String validFrom, Principal principal, Model model, RedirectAttributes redirect) {
        requireCode(code);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        try {
            date = validFrom.isBlank() ? null : LocalDate.parse(validFrom.strip());
        } catch (DateTimeParseException e) {
            errors.put("validFrom", "Ngày áp dụng phải là một ngày hợp lệ (năm-tháng-ngày).");
        }
        JsonNode tree = null;
        try {
            tree = parse(schema);
        } catch (IllegalArgumentException e) {
            errors.put("schema", e.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                FormDefinition form = publishing.publish(code, date, tree, principal.getName());
                redirect.addAttribute("published", form.version());
                return "redirect:/admin/forms/" + code;
            } catch (PublishingForms.Refused refused) {
                errors.putAll(refused.errors());
            }
        }
        return page(code, schema, validFrom, errors, null, model);
    }

    /** The live preview: the rendered fields, or what is wrong with the schema. */
    @PostMapping("/admin/forms/{code}/preview")
    String preview(@PathVariable String code, @RequestParam(defaultValue = "") String schema, Model model) {
        requireCode(code);
        try {
            JsonNode tree = parse(schema);
            FormSchemaCheck.check(tree);
            model.addAttribute("form", new FormDefinition(code, 0, LocalDate.now(Forms.VIETNAM), tree, false, null, null));
        } catch (IllegalArgumentException e) { // InvalidFormSchema included
            model.addAttribute("problem", e instanceof InvalidFormSchema ? "Biểu mẫu chưa hợp lệ – " + e.getMessage() : e.getMessage());
        }
        return "eform/editor :: preview";
    }

    private String page(String code, String schema, String validFrom, Map<String, String> errors, Integer published, Model model) {
        List<FormDefinition> versions = forms.versions(code);
        model.addAttribute("code", code);
        model.addAttribute("versions", versions);
        model.addAttribute("currentVersion", forms.current(code).map(FormDefinition::version).orElse(null));
        model.addAttribute("known", publishing.knownProcedure(code));
        model.addAttribute("schema", schema);
        model.addAttribute("validFrom", validFrom);
        model.addAttribute("errors", errors);
        model.addAttribute("published", published);
        model.addAttribute("zone", ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode tree = null;
        try {
            tree = parse(schema);
            FormSchemaCheck.check(tree);
            model.addAttribute("form", new FormDefinition(code, 0, LocalDate.now(Forms.VIETNAM), tree, false, null, null));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e instanceof InvalidFormSchema ? "Biểu mẫu chưa hợp lệ – " + e.getMessage() : e.getMessage());
        }
        return "eform/editor";
    }

    private static void requireCode(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private JsonNode parse(String schema) {
        if (schema.isBlank()) {
            throw new IllegalArgumentException("Biểu mẫu (JSON Schema) là bắt buộc.");
        }
        if (schema.length() > PublishingForms.MAX_SCHEMA_CHARACTERS) {
            throw new IllegalArgumentException("Biểu mẫu dài quá " + PublishingForms.MAX_SCHEMA_CHARACTERS + " ký tự.");
        }
        try {
            return json.readTree(schema);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new IllegalArgumentException("Biểu mẫu không phải JSON hợp lệ" + (location == null ? ""
                    : " (dòng " + location.getLineNr() + ", cột " + location.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        }
    }

    private String pretty(JsonNode schema) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
    }
}
