package vn.gov.egov.eform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.PhoneNumber;
import vn.gov.egov.personaldata.TaxCode;

/**
 * Validates a filled form against a schema of the subset checked by {@link FormSchemaCheck}. Properties the schema
 * does not name are refused; JSON {@code null} counts as not filled.
 */
final class FormValidator {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Map<String, String> TYPE_NAMES = Map.of("string", "chuỗi ký tự", "integer", "số nguyên",
            "number", "số", "boolean", "đúng/sai", "object", "nhóm thông tin", "array", "danh sách");

    private FormValidator() {
    }

    static List<FieldError> validate(JsonNode schema, JsonNode filled) {
        List<FieldError> errors = new ArrayList<>();
        if (filled == null || !filled.isObject()) {
            errors.add(new FieldError("", "type", "Biểu mẫu đã điền phải là một đối tượng JSON."));
            return errors;
        }
        object(schema, filled, "", errors);
        return errors;
    }

    static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.canConvertToExactIntegral());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }

    private static void object(JsonNode schema, JsonNode filled, String prefix, List<FieldError> errors) {
        JsonNode properties = schema.get("properties");
        for (Map.Entry<String, JsonNode> entry : filled.properties()) {
            if (!properties.has(entry.getKey())) {
                errors.add(new FieldError(prefix + entry.getKey(), "unknown-property",
                        "Biểu mẫu không có trường '" + entry.getKey() + "'."));
            }
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.stringValue()));
        for (JsonNode condition : schema.path("allOf")) {
            if (holds(condition.get("if"), filled)) {
                condition.get("then").path("required").forEach(name -> {
                    if (!required.contains(name.stringValue())) {
                        required.add(name.stringValue());
                    }
                });
            }
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String path = prefix + property.getKey();
            JsonNode value = filled.get(property.getKey());
            if (missing(value)) {
                if (required.contains(property.getKey())) {
                    errors.add(new FieldError(path, "required", label(property.getValue()) + " là bắt buộc."));
                }
            } else {
                value(property.getValue(), value, path, errors);
            }
        }
    }

    private static boolean missing(JsonNode value) {
        return value == null || value.isNull() || (value.isString() && value.stringValue().isBlank());
    }

    private static boolean holds(JsonNode test, JsonNode filled) {
        for (JsonNode name : test.path("required")) {
            if (missing(filled.get(name.stringValue()))) {
                return false;
            }
        }
        for (Map.Entry<String, JsonNode> entry : test.get("properties").properties()) {
            JsonNode value = filled.get(entry.getKey());
            if (missing(value) || !same(value, entry.getValue().get("const"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static void value(JsonNode property, JsonNode value, String path, List<FieldError> errors) {
        String type = property.get("type").stringValue();
        String label = label(property);
        if (!hasType(value, type)) {
            errors.add(new FieldError(path, "type", label + " phải là " + TYPE_NAMES.get(type) + "."));
            return;
        }
        if (property.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : property.get("enum")) {
                listed |= same(value, allowed);
            }
            if (!listed) {
                JsonNode titles = property.path(FormSchemaCheck.ENUM_TITLES);
                String allowed = titles.isArray() && !titles.isEmpty()
                        ? java.util.stream.StreamSupport.stream(titles.spliterator(), false).map(t -> "\u201c" + t.asString() + "\u201d")
                                .collect(java.util.stream.Collectors.joining(", "))
                        : property.get("enum").toString();
                errors.add(new FieldError(path, "enum", label + " phải là một trong các giá trị " + allowed + "."));
            }
        }
        switch (type) {
            case "string" -> string(property, value.stringValue(), path, label, errors);
            case "integer", "number" -> number(property, value.decimalValue(), path, label, errors);
            case "object" -> object(property, value, path + ".", errors);
            case "array" -> array(property, value, path, label, errors);
            default -> {
                // boolean: the type is the only rule
            }
        }
    }

    private static void string(JsonNode property, String text, String path, String label, List<FieldError> errors) {
        int length = text.codePointCount(0, text.length());
        if (property.has("minLength") && length < property.get("minLength").asInt()) {
            errors.add(new FieldError(path, "minLength", label + " phải có ít nhất " + property.get("minLength").asInt() + " ký tự."));
        }
        if (property.has("maxLength") && length > property.get("maxLength").asInt()) {
            errors.add(new FieldError(path, "maxLength", label + " chỉ được có tối đa " + property.get("maxLength").asInt() + " ký tự."));
        }
        if (property.has("pattern") && !Pattern.compile(property.get("pattern").stringValue()).matcher(text).find()) {
            errors.add(new FieldError(path, "pattern", label + " không đúng định dạng quy định."));
        }
        if (property.has("format")) {
            String problem = formatProblem(property.get("format").stringValue(), text);
            if (problem != null) {
                errors.add(new FieldError(path, "format", label + ": " + problem));
            }
        }
    }

    private static String formatProblem(String format, String text) {
        try {
            switch (format) {
                case "date" -> {
                    try {
                        LocalDate.parse(text, ISO_DATE);
                    } catch (DateTimeParseException e) {
                        return "không phải ngày hợp lệ (định dạng năm-tháng-ngày, ví dụ 1985-03-12).";
                    }
                }
                case "email" -> {
                    if (!EMAIL.matcher(text).matches()) {
                        return "không phải địa chỉ thư điện tử hợp lệ.";
                    }
                }
                case "personal-id" -> PersonalIdentificationNumber.of(text);
                case "phone" -> PhoneNumber.of(text);
                case "tax-code" -> TaxCode.of(text);
                default -> {
                    // amount-vnd applies to numbers
                }
            }
            return null;
        } catch (InvalidPersonalData e) {
            return e.getMessage();
        }
    }

    private static void number(JsonNode property, BigDecimal number, String path, String label, List<FieldError> errors) {
        if (property.has("minimum") && number.compareTo(property.get("minimum").decimalValue()) < 0) {
            errors.add(new FieldError(path, "minimum", label + " không được nhỏ hơn " + property.get("minimum").asString() + "."));
        }
        if (property.has("maximum") && number.compareTo(property.get("maximum").decimalValue()) > 0) {
            errors.add(new FieldError(path, "maximum", label + " không được lớn hơn " + property.get("maximum").asString() + "."));
        }
        if ("amount-vnd".equals(property.path("format").asString(""))
                && (number.signum() < 0 || number.stripTrailingZeros().scale() > 0)) {
            errors.add(new FieldError(path, "format", label + ": số tiền phải là số nguyên đồng, không âm."));
        }
    }

    private static void array(JsonNode property, JsonNode items, String path, String label, List<FieldError> errors) {
        if (property.has("minItems") && items.size() < property.get("minItems").asInt()) {
            errors.add(new FieldError(path, "minItems", label + " phải có ít nhất " + property.get("minItems").asInt() + " mục."));
        }
        if (property.has("maxItems") && items.size() > property.get("maxItems").asInt()) {
            errors.add(new FieldError(path, "maxItems", label + " chỉ được có tối đa " + property.get("maxItems").asInt() + " mục."));
        }
        JsonNode itemSchema = property.get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(new FieldError(itemPath, "type", label + " (mục " + (i + 1) + ") phải là nhóm thông tin."));
            } else {
                object(itemSchema, item, itemPath + ".", errors);
            }
        }
    }

    private static String label(JsonNode property) {
        return "Trường \"" + property.get("title").stringValue() + "\"";
    }
}
