package vn.gov.egov.eform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a form definition, current values and errors into what {@code templates/eform/fields.html} draws, so that the
 * template stays free of schema logic. Called from the fragment as {@code @formRendering}.
 */
@Component("formRendering")
class FormRendering {

    static final String ROW_PLACEHOLDER = "__i__";

    private final ObjectMapper json;

    FormRendering(ObjectMapper json) {
        this.json = json;
    }

    record RenderedForm(String title, String description, List<Group> groups, List<Problem> problems) {
    }

    /** A group of fields ({@code x-layout.group}); {@code legend} is null for fields outside any group. */
    record Group(String legend, String id, List<Field> fields) {
    }

    /** One error for the summary at the top, with the id of the input it belongs to (null when none). */
    record Problem(String target, String message) {
    }

    /**
     * One field to draw.
     *
     * @param kind     {@code input}, {@code object} (nested fields) or {@code array} (rows of nested fields)
     * @param widget   {@code text}, {@code textarea}, {@code radio}, {@code checkbox}, {@code select}
     * @param showWhen JSON of {@code {inputName: expected value}}: the field is only shown when these hold
     */
    record Field(String kind, String path, String id, String label, String description, String widget, String inputType,
                 String step, String autocomplete, Integer maxLength, boolean required, String showWhen, List<Option> options,
                 String value, boolean checked, List<String> errors, List<Field> children, List<Row> rows, Row template,
                 int minItems, Integer maxItems, String itemTitle) {

        public String descriptionId() {
            return id + "-desc";
        }

        public String errorId() {
            return id + "-error";
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }

        /** The ids an input points to with aria-describedby, or null. */
        public String describedBy() {
            List<String> ids = new ArrayList<>(2);
            if (description != null) {
                ids.add(descriptionId());
            }
            if (invalid()) {
                ids.add(errorId());
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    record Row(String index, String legend, String id, String removeLabel, List<Field> fields, List<String> errors) {
    }

    record Option(String value, String label, String id, boolean selected) {
    }

    /**
     * @param values a JSON object, or a map: either nested (as JSON) or flat by field path (as {@link FormFilling#prefill})
     */
    public RenderedForm view(FormDefinition form, Object values, List<FieldError> errors) { // public for SpEL
        JsonNode schema = form.schema();
        JsonNode current = values(values);
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (FieldError error : errors == null ? List.<FieldError>of() : errors) {
            byPath.computeIfAbsent(error.path() == null ? "" : error.path(), p -> new ArrayList<>()).add(error.message());
        }
        List<String> drawn = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (JsonNode section : schema.path("x-layout").path("sections")) {
            groups.put(section.asString(), new Group(section.asString(), groupId(groups.size()), new ArrayList<>()));
        }
        for (Map.Entry<String, JsonNode> property : ordered(schema.get("properties"))) {
            String group = property.getValue().path("x-layout").path("group").asString(null);
            Group target = groups.computeIfAbsent(group == null ? "" : group,
                    g -> new Group(g.isEmpty() ? null : g, groupId(groups.size()), new ArrayList<>()));
            target.fields().add(field(schema, property.getKey(), property.getValue(), "", current, byPath, drawn));
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : byPath.entrySet()) {
            String target = drawn.contains(entry.getKey()) ? id(entry.getKey()) : null;
            entry.getValue().forEach(message -> problems.add(new Problem(target, message)));
        }
        return new RenderedForm(form.title(), schema.path("description").asString(null),
                groups.values().stream().filter(g -> !g.fields().isEmpty()).toList(), problems);
    }

    private JsonNode values(Object values) {
        if (values == null) {
            return json.createObjectNode();
        }
        if (values instanceof JsonNode node) {
            return node.isObject() ? node : json.createObjectNode();
        }
        if (values instanceof Map<?, ?> map) {
            ObjectNode nested = json.createObjectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                FieldPaths.put(nested, String.valueOf(entry.getKey()), json.valueToTree(entry.getValue()));
            }
            return nested;
        }
        return json.valueToTree(values);
    }

    private Field field(JsonNode parentSchema, String name, JsonNode property, String prefix, JsonNode current,
                        Map<String, List<String>> errors, List<String> drawn) {
        String path = prefix + name;
        drawn.add(path);
        String type = property.path("type").asString("string");
        String label = property.path("title").asString(name);
        String description = property.path("description").asString(null);
        boolean required = contains(parentSchema.path("required"), name);
        String showWhen = required ? null : showWhen(parentSchema, name, prefix);
        List<String> fieldErrors = errors.getOrDefault(path, List.of());
        JsonNode value = current == null ? null : current.get(name);
        JsonNode layout = property.path("x-layout");
        if (type.equals("object")) {
            List<Field> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> child : ordered(property.get("properties"))) {
                children.add(field(property, child.getKey(), child.getValue(), path + ".", value, errors, drawn));
            }
            return new Field("object", path, id(path), label, description, null, null, null, null, null, required, showWhen,
                    List.of(), null, false, fieldErrors, children, List.of(), null, 0, null, null);
        }
        if (type.equals("array")) {
            JsonNode items = property.get("items");
            String itemTitle = items.path("title").asString(label);
            int minItems = property.path("minItems").asInt(0);
            Integer maxItems = property.has("maxItems") ? property.get("maxItems").asInt() : null;
            int count = Math.max(Math.max(value != null && value.isArray() ? value.size() : 0, minItems), 1);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JsonNode item = value != null && value.isArray() ? value.get(i) : null;
                rows.add(row(items, path, String.valueOf(i), itemTitle + " " + (i + 1), item, errors, drawn));
            }
            Row template = row(items, path, ROW_PLACEHOLDER, itemTitle, null, Map.of(), new ArrayList<>());
            return new Field("array", path, id(path), label, description, null, null, null, null, null, required, showWhen,
                    List.of(), null, false, fieldErrors, List.of(), rows, template, minItems, maxItems, itemTitle);
        }
        String widget = layout.path("widget").asString(null);
        if (widget == null) {
            widget = property.has("enum") ? (property.get("enum").size() <= 3 ? "radio" : "select")
                    : type.equals("boolean") ? "checkbox" : "text";
        }
        String format = property.path("format").asString("");
        String inputType = switch (type) {
            case "integer", "number" -> "number";
            default -> switch (format) {
                case "date" -> "date";
                case "email" -> "email";
                case "phone" -> "tel";
                default -> "text";
            };
        };
        String step = type.equals("integer") || format.equals("amount-vnd") ? "1" : type.equals("number") ? "any" : null;
        String autocomplete = switch (format) {
            case "email" -> "email";
            case "phone" -> "tel";
            default -> "off";
        };
        Integer maxLength = property.has("maxLength") ? property.get("maxLength").asInt() : null;
        String text = value == null || value.isNull() ? "" : value.isString() ? value.stringValue() : value.toString();
        boolean checked = value != null && value.isBoolean() && value.booleanValue();
        List<Option> options = new ArrayList<>();
        if (type.equals("boolean") && widget.equals("radio") && !property.has("enum")) {
            options.add(new Option("true", "Có", id(path) + "-0", value != null && value.isBoolean() && value.booleanValue()));
            options.add(new Option("false", "Không", id(path) + "-1", value != null && value.isBoolean() && !value.booleanValue()));
        }
        int i = 0;
        JsonNode titles = property.path(FormSchemaCheck.ENUM_TITLES);
        for (JsonNode allowed : property.path("enum")) {
            String option = allowed.isString() ? allowed.stringValue() : allowed.toString();
            String title = titles.path(i).isString() ? titles.path(i).asString() : option;
            options.add(new Option(option, title, id(path) + "-" + i++, option.equals(text)));
        }
        return new Field("input", path, id(path), label, description, widget, inputType, step, autocomplete, maxLength, required,
                showWhen, options, text, checked, fieldErrors, List.of(), List.of(), null, 0, null, null);
    }

    private Row row(JsonNode items, String arrayPath, String index, String legend, JsonNode item,
                    Map<String, List<String>> errors, List<String> drawn) {
        String path = arrayPath + "[" + index + "]";
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> child : ordered(items.get("properties"))) {
            fields.add(field(items, child.getKey(), child.getValue(), path + ".", item, errors, drawn));
        }
        return new Row(index, legend, id(path), "Xóa " + legend.toLowerCase(Locale.ROOT), fields,
                errors.getOrDefault(path, List.of()));
    }

    /** The {@code if} of a conditional that makes this field required, as {@code {"inputName": "value"}} JSON. */
    private String showWhen(JsonNode schema, String name, String prefix) {
        for (JsonNode condition : schema.path("allOf")) {
            if (contains(condition.path("then").path("required"), name)) {
                ObjectNode when = json.createObjectNode();
                for (Map.Entry<String, JsonNode> test : condition.path("if").path("properties").properties()) {
                    JsonNode expected = test.getValue().get("const");
                    when.put(prefix + test.getKey(), expected.isString() ? expected.stringValue() : expected.toString());
                }
                return json.writeValueAsString(when);
            }
        }
        return null;
    }

    /** Properties in layout order ({@code x-layout.order}), then in the order written. */
    static List<Map.Entry<String, JsonNode>> ordered(JsonNode properties) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(properties.properties());
        entries.sort(Comparator.comparingInt(e -> e.getValue().path("x-layout").path("order").asInt(Integer.MAX_VALUE)));
        return entries;
    }

    private static boolean contains(JsonNode names, String name) {
        for (JsonNode n : names) {
            if (name.equals(n.asString())) {
                return true;
            }
        }
        return false;
    }

    /** The HTML id of a field path: {@code ben[0].hoTen} → {@code ef-ben-0-hoTen}. */
    static String id(String path) {
        return "ef-" + path.replace("].", "-").replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("-+$", "");
    }

    private static String groupId(int index) {
        return "ef-group-" + index;
    }
}
