package vn.gov.egov.dossier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.eform.FormDefinition;

/** A filled form as label–value lines, in the form's layout order, for the review page and the dossier page. */
record FormEntries(String label, String value) {

    static List<FormEntries> of(FormDefinition form, JsonNode filled) {
        List<FormEntries> entries = new ArrayList<>();
        if (filled != null && filled.isObject()) {
            add(form.schema(), filled, "", entries);
        }
        return entries;
    }

    private static void add(JsonNode schema, JsonNode value, String prefix, List<FormEntries> entries) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>(properties.properties());
        ordered.sort(Comparator.comparingInt(e -> order(e.getValue())));
        for (Map.Entry<String, JsonNode> property : ordered) {
            JsonNode given = value.get(property.getKey());
            if (given == null || given.isNull()) {
                continue;
            }
            JsonNode title = property.getValue().get("title");
            String label = prefix + (title == null ? property.getKey() : title.asString());
            if (given.isObject()) {
                add(property.getValue(), given, label + " › ", entries);
            } else if (given.isArray()) {
                JsonNode items = property.getValue().get("items");
                for (int i = 0; i < given.size(); i++) {
                    JsonNode item = given.get(i);
                    if (item.isObject() && items != null) {
                        add(items, item, label + " " + (i + 1) + " › ", entries);
                    } else {
                        entries.add(new FormEntries(label + " " + (i + 1), text(item)));
                    }
                }
            } else {
                entries.add(new FormEntries(label, text(given)));
            }
        }
    }

    private static int order(JsonNode property) {
        JsonNode layout = property.get("x-layout");
        JsonNode order = layout == null ? null : layout.get("order");
        return order == null ? Integer.MAX_VALUE : order.asInt();
    }

    private static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "Có" : "Không";
        }
        if (value.isString() && value.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            String date = value.asString();
            return date.substring(8) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4);
        }
        return value.asString();
    }
}
