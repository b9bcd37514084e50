package vn.gov.egov.eform;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/** Checks that a form definition stays within the JSON Schema subset the platform validates. */
final class FormSchemaCheck {

    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");
    static final String PREFILL = "x-prefill";
    /** The titles of an {@code enum}'s values, in the same order, shown to people instead of the values. */
    static final String ENUM_TITLES = "x-enumTitles";
    /** What a field may be pre-filled with: the applicant's own data, or the represented business's. */
    static final Set<String> PREFILL_SOURCES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("applicant.fullName",
            "applicant.personalId", "applicant.birthDate", "applicant.sex", "applicant.address", "applicant.phone",
            "applicant.email", "business.taxCode", "business.name", "business.address", "business.phone", "business.email",
            "business.representative")));
    static final Set<String> FORMATS = Set.of("date", "email", "personal-id", "phone", "tax-code", "amount-vnd");
    private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "properties", "required", "allOf", "x-layout");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("title", "description", "type", "properties", "required",
            "allOf", "x-layout");
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("type", "title", "description", "enum", "minLength",
            "maxLength", "pattern", "minimum", "maximum", "format", "x-layout", "properties", "required", "items",
            "allOf", "minItems", "maxItems", "x-prefill", "x-enumTitles");
    private static final Map<String, Set<String>> FORMAT_TYPES = Map.of("date", Set.of("string"), "email", Set.of("string"),
            "personal-id", Set.of("string"), "phone", Set.of("string"), "tax-code", Set.of("string"),
            "amount-vnd", Set.of("integer", "number"));

    private FormSchemaCheck() {
    }

    /** @throws InvalidFormSchema naming the place and the problem */
    static void check(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new InvalidFormSchema("biểu mẫu phải là một đối tượng JSON Schema");
        }
        unknownKeywords(schema, ROOT_KEYWORDS, "(gốc)");
        if (!text(schema, "title")) {
            throw new InvalidFormSchema("(gốc): thiếu 'title' (tên biểu mẫu)");
        }
        objectSchema(schema, "(gốc)");
    }

    private static void objectSchema(JsonNode schema, String where) {
        if (!"object".equals(schema.path("type").asString(""))) {
            throw new InvalidFormSchema(where + ": 'type' phải là 'object'");
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            throw new InvalidFormSchema(where + ": 'properties' phải là một đối tượng có ít nhất một trường");
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            property(property.getValue(), where.equals("(gốc)") ? property.getKey() : where + "." + property.getKey());
        }
        requiredList(schema.get("required"), properties, where);
        JsonNode allOf = schema.get("allOf");
        if (allOf != null) {
            if (!allOf.isArray()) {
                throw new InvalidFormSchema(where + ": 'allOf' phải là một mảng các điều kiện if/then");
            }
            int i = 0;
            for (JsonNode condition : allOf) {
                conditional(condition, properties, where + ": allOf[" + i++ + "]");
            }
        }
    }

    private static void conditional(JsonNode condition, JsonNode properties, String where) {
        if (!condition.isObject() || !condition.has("if") || !condition.has("then") || condition.size() != 2) {
            throw new InvalidFormSchema(where + ": chỉ hỗ trợ điều kiện dạng {\"if\": …, \"then\": …}");
        }
        JsonNode test = condition.get("if");
        JsonNode tested = test.get("properties");
        if (tested == null || !tested.isObject() || tested.isEmpty()) {
            throw new InvalidFormSchema(where + ": 'if' phải có 'properties' với 'const' của các trường");
        }
        for (Map.Entry<String, JsonNode> entry : tested.properties()) {
            if (!properties.has(entry.getKey())) {
                throw new InvalidFormSchema(where + ": 'if' kiểm tra trường không có '" + entry.getKey() + "'");
            }
            if (!entry.getValue().has("const") || entry.getValue().size() != 1) {
                throw new InvalidFormSchema(where + ": 'if' chỉ được kiểm tra 'const' của trường '" + entry.getKey() + "'");
            }
        }
        for (String key : test.propertyNames()) {
            if (!key.equals("properties") && !key.equals("required")) {
                throw new InvalidFormSchema(where + ": 'if' không hỗ trợ từ khóa '" + key + "'");
            }
        }
        requiredList(test.get("required"), properties, where + " if");
        JsonNode then = condition.get("then");
        if (!then.isObject() || then.size() != 1 || !then.has("required")) {
            throw new InvalidFormSchema(where + ": 'then' chỉ được thêm 'required'");
        }
        requiredList(then.get("required"), properties, where + " then");
    }

    private static void requiredList(JsonNode required, JsonNode properties, String where) {
        if (required == null) {
            return;
        }
        if (!required.isArray()) {
            throw new InvalidFormSchema(where + ": 'required' phải là một mảng tên trường");
        }
        for (JsonNode name : required) {
            if (!name.isString() || !properties.has(name.stringValue())) {
                throw new InvalidFormSchema(where + ": 'required' nêu trường không có " + name);
            }
        }
    }

    private static void property(JsonNode property, String where) {
        if (!property.isObject()) {
            throw new InvalidFormSchema(where + ": định nghĩa trường phải là một đối tượng");
        }
        unknownKeywords(property, PROPERTY_KEYWORDS, where);
        String type = property.path("type").asString("");
        if (!TYPES.contains(type)) {
            throw new InvalidFormSchema(where + ": 'type' phải là một trong " + TYPES);
        }
        if (!text(property, "title")) {
            throw new InvalidFormSchema(where + ": thiếu 'title' (nhãn tiếng Việt của trường)");
        }
        if (property.has("description") && !text(property, "description")) {
            throw new InvalidFormSchema(where + ": 'description' phải là chuỗi");
        }
        for (String keyword : new String[] {"minLength", "maxLength"}) {
            if (property.has(keyword) && (!type.equals("string") || !property.get(keyword).isIntegralNumber()
                    || property.get(keyword).asInt() < 0)) {
                throw new InvalidFormSchema(where + ": '" + keyword + "' chỉ dùng cho chuỗi, là số nguyên không âm");
            }
        }
        for (String keyword : new String[] {"minimum", "maximum"}) {
            if (property.has(keyword) && (!(type.equals("integer") || type.equals("number")) || !property.get(keyword).isNumber())) {
                throw new InvalidFormSchema(where + ": '" + keyword + "' chỉ dùng cho số, là một số");
            }
        }
        for (String keyword : new String[] {"minItems", "maxItems"}) {
            if (property.has(keyword) && (!type.equals("array") || !property.get(keyword).isIntegralNumber())) {
                throw new InvalidFormSchema(where + ": '" + keyword + "' chỉ dùng cho mảng, là số nguyên");
            }
        }
        if (property.has("pattern")) {
            if (!type.equals("string") || !property.get("pattern").isString()) {
                throw new InvalidFormSchema(where + ": 'pattern' chỉ dùng cho chuỗi");
            }
            try {
                Pattern.compile(property.get("pattern").stringValue());
            } catch (PatternSyntaxException e) {
                throw new InvalidFormSchema(where + ": 'pattern' không phải biểu thức chính quy hợp lệ: " + e.getDescription());
            }
        }
        if (property.has("format")) {
            String format = property.get("format").asString("");
            if (!FORMATS.contains(format)) {
                throw new InvalidFormSchema(where + ": 'format' phải là một trong " + FORMATS);
            }
            if (!FORMAT_TYPES.get(format).contains(type)) {
                throw new InvalidFormSchema(where + ": 'format' '" + format + "' không dùng được cho kiểu '" + type + "'");
            }
        }
        if (property.has("enum")) {
            JsonNode values = property.get("enum");
            if (!values.isArray() || values.isEmpty()) {
                throw new InvalidFormSchema(where + ": 'enum' phải là một mảng không rỗng");
            }
            for (JsonNode value : values) {
                if (!FormValidator.hasType(value, type)) {
                    throw new InvalidFormSchema(where + ": giá trị " + value + " của 'enum' không thuộc kiểu '" + type + "'");
                }
            }
        }
        if (property.has(ENUM_TITLES)) {
            JsonNode titles = property.get(ENUM_TITLES);
            if (!property.has("enum")) {
                throw new InvalidFormSchema(where + ": '" + ENUM_TITLES + "' chỉ dùng cùng 'enum'");
            }
            if (!titles.isArray() || titles.size() != property.get("enum").size()) {
                throw new InvalidFormSchema(where + ": '" + ENUM_TITLES + "' phải là một mảng có đúng " + property.get("enum").size()
                        + " tên, mỗi giá trị của 'enum' một tên theo cùng thứ tự");
            }
            for (JsonNode title : titles) {
                if (!title.isString() || title.asString().isBlank()) {
                    throw new InvalidFormSchema(where + ": mỗi tên trong '" + ENUM_TITLES + "' phải là một chuỗi không rỗng");
                }
            }
        }
        if (type.equals("object")) {
            objectSchema(property, where);
        } else if (property.has("properties") || property.has("required") || property.has("allOf")) {
            throw new InvalidFormSchema(where + ": 'properties', 'required', 'allOf' chỉ dùng cho kiểu 'object'");
        }
        if (type.equals("array")) {
            JsonNode items = property.get("items");
            if (items == null || !items.isObject()) {
                throw new InvalidFormSchema(where + ": mảng phải có 'items' là một đối tượng");
            }
            unknownKeywords(items, OBJECT_KEYWORDS, where + "[]");
            objectSchema(items, where + "[]");
        } else if (property.has("items")) {
            throw new InvalidFormSchema(where + ": 'items' chỉ dùng cho kiểu 'array'");
        }
        if (property.has(PREFILL)) {
            String source = property.get(PREFILL).asString("");
            if (!property.get(PREFILL).isString() || !PREFILL_SOURCES.contains(source)) {
                throw new InvalidFormSchema(where + ": 'x-prefill' " + property.get(PREFILL) + " không phải nguồn điền sẵn được hỗ trợ; "
                        + "chọn một trong " + PREFILL_SOURCES);
            }
            if (!type.equals("string")) {
                throw new InvalidFormSchema(where + ": 'x-prefill' chỉ dùng cho trường kiểu 'string'");
            }
        }
        if (property.has("x-layout") && !property.get("x-layout").isObject()) {
            throw new InvalidFormSchema(where + ": 'x-layout' phải là một đối tượng");
        }
    }

    private static void unknownKeywords(JsonNode schema, Set<String> allowed, String where) {
        for (String key : schema.propertyNames()) {
            if (!allowed.contains(key)) {
                throw new InvalidFormSchema(where + ": từ khóa '" + key + "' không được hỗ trợ");
            }
        }
    }

    private static boolean text(JsonNode node, String key) {
        return node.has(key) && node.get(key).isString() && !node.get(key).stringValue().isBlank();
    }
}
