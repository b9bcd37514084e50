package vn.gov.egov.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A filled form as label–value lines, read-only, in the schema's order; nested groups and list rows indented. */
final class FormValues {

    record Line(String label, String value, int depth) {
    }

    private FormValues() {
    }

    static List<Line> of(JsonNode schema, JsonNode filled) {
        List<Line> lines = new ArrayList<>();
        if (filled != null && !filled.isNull()) {
            walk(schema, filled, 0, lines);
        }
        return lines;
    }

    private static void walk(JsonNode schema, JsonNode value, int depth, List<Line> lines) {
        JsonNode properties = schema == null ? null : schema.get("properties");
        List<String> seen = new ArrayList<>();
        if (properties != null) {
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                seen.add(p.getKey());
                JsonNode v = value.get(p.getKey());
                if (v != null && !v.isNull()) {
                    field(label(p.getValue(), p.getKey()), p.getValue(), v, depth, lines);
                }
            }
        }
        for (Map.Entry<String, JsonNode> v : value.properties()) {
            if (!seen.contains(v.getKey()) && !v.getValue().isNull()) {
                field(v.getKey(), null, v.getValue(), depth, lines);
            }
        }
    }

    private static void field(String label, JsonNode schema, JsonNode value, int depth, List<Line> lines) {
        if (value.isObject()) {
            lines.add(new Line(label, "", depth));
            walk(schema, value, depth + 1, lines);
        } else if (value.isArray()) {
            JsonNode items = schema == null ? null : schema.get("items");
            if (value.isEmpty()) {
                lines.add(new Line(label, "(không có)", depth));
            }
            int i = 1;
            for (JsonNode item : value) {
                if (item.isObject()) {
                    lines.add(new Line(label + " " + i, "", depth));
                    walk(items, item, depth + 1, lines);
                } else {
                    lines.add(new Line(label + " " + i, text(items, item), depth));
                }
                i++;
            }
        } else {
            lines.add(new Line(label, text(schema, value), depth));
        }
    }

    private static String label(JsonNode schema, String key) {
        JsonNode title = schema.get("title");
        return title == null || title.asString().isBlank() ? key : title.asString();
    }

    /** The value as the applicant chose it: the title of an enumerated option when the schema gives one. */
    private static String text(JsonNode schema, JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "Có" : "Không";
        }
        JsonNode oneOf = schema == null ? null : schema.get("oneOf");
        if (oneOf != null) {
            for (JsonNode option : oneOf) {
                if (option.has("const") && option.get("const").equals(value) && option.has("title")) {
                    return option.get("title").asString();
                }
            }
        }
        return value.asString();
    }
}
