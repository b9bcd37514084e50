package vn.gov.egov.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import and export files of a catalog. CSV: {@code code,name,name_en,parent_code,valid_from,valid_to} then one
 * column per attribute; JSON: an array of entries as the API returns them. An export re-imports unchanged.
 */
@Component
class EntryFiles {

    static final List<String> FIXED_COLUMNS = List.of("code", "name", "name_en", "parent_code", "valid_from", "valid_to");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("code", "name", "valid_from");

    /** Rows read from a file, or why the file could not be read at all. */
    record Parsed(List<EntryRow> rows, List<RowError> errors) {
    }

    private final ObjectMapper json;

    EntryFiles(ObjectMapper json) {
        this.json = json;
    }

    Parsed readCsv(CatalogDefinition definition, String text) {
        List<CsvFormat.Record> records;
        try {
            records = CsvFormat.parse(text);
        } catch (CsvFormat.MalformedCsv e) {
            return failed(RowError.of(e.line, null, "malformed-csv", "Dòng %d: %s".formatted(e.line, e.getMessage())));
        }
        if (records.isEmpty()) {
            return failed(RowError.of(1, null, "empty", "Tệp không có dữ liệu (cần dòng tiêu đề và ít nhất một dòng)"));
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                errors.add(RowError.of(1, column, "header", "Cột '%s' xuất hiện hai lần ở dòng tiêu đề".formatted(column)));
            } else if (!FIXED_COLUMNS.contains(column) && definition.attribute(column).isEmpty()) {
                errors.add(RowError.of(1, column, "header",
                        "Cột '%s' không phải cột chuẩn %s cũng không phải thuộc tính của danh mục '%s'"
                                .formatted(column, FIXED_COLUMNS, definition.code())));
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!seen.contains(required)) {
                errors.add(RowError.of(1, required, "header", "Thiếu cột bắt buộc '%s' ở dòng tiêu đề".formatted(required)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        List<EntryRow> rows = new ArrayList<>();
        for (CsvFormat.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                errors.add(RowError.of(record.line(), null, "column-count",
                        "Dòng có %d cột trong khi tiêu đề có %d cột".formatted(record.fields().size(), header.size())));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), record.fields().get(i));
            }
            Map<String, String> attributes = new LinkedHashMap<>(values);
            FIXED_COLUMNS.forEach(attributes::remove);
            rows.add(new EntryRow(record.line(), values.get("code"), values.get("name"), values.get("name_en"),
                    values.get("parent_code"), values.get("valid_from"), values.get("valid_to"), attributes));
        }
        return new Parsed(rows, errors);
    }

    Parsed readJson(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return failed(RowError.of(line, null, "malformed-json", "JSON không hợp lệ ở dòng %d: %s".formatted(line, e.getOriginalMessage())));
        }
        JsonNode items = root != null && root.isObject() && root.has("items") ? root.get("items") : root;
        if (items == null || !items.isArray()) {
            return failed(RowError.of(1, null, "json-shape", "JSON phải là một mảng các mục (hoặc đối tượng có trường items)"));
        }
        List<EntryRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            index++;
            if (!item.isObject()) {
                errors.add(RowError.of(index, null, "json-shape", "Mục thứ %d không phải đối tượng JSON".formatted(index)));
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode attributeNode = item.get("attributes");
            if (attributeNode != null && attributeNode.isObject()) {
                attributeNode.properties().forEach(p -> attributes.put(p.getKey(), p.getValue().isNull() ? null : p.getValue().asString()));
            }
            rows.add(new EntryRow(index, text(item, "code"), text(item, "name"), text(item, "nameEn"),
                    text(item, "parentCode"), text(item, "validFrom"), text(item, "validTo"), attributes));
        }
        return new Parsed(rows, errors);
    }

    String writeCsv(CatalogDefinition definition, List<CatalogEntry> entries) {
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        definition.attributes().forEach(a -> header.add(a.name()));
        StringBuilder out = new StringBuilder(CsvFormat.line(header));
        for (CatalogEntry e : entries) {
            List<String> values = new ArrayList<>(List.of(e.code(), e.name(), nullToEmpty(e.nameEn()), nullToEmpty(e.parentCode()),
                    e.validFrom().toString(), e.validTo() == null ? "" : e.validTo().toString()));
            definition.attributes().forEach(a -> values.add(nullToEmpty(e.attribute(a.name()))));
            out.append(CsvFormat.line(values));
        }
        return out.toString();
    }

    String writeJson(List<CatalogEntry> entries) {
        ArrayNode array = json.createArrayNode();
        for (CatalogEntry e : entries) {
            ObjectNode node = array.addObject();
            node.put("code", e.code());
            node.put("name", e.name());
            putIfPresent(node, "nameEn", e.nameEn());
            putIfPresent(node, "parentCode", e.parentCode());
            node.put("validFrom", e.validFrom().toString());
            putIfPresent(node, "validTo", e.validTo() == null ? null : e.validTo().toString());
            ObjectNode attributes = node.putObject("attributes");
            e.attributes().forEach(attributes::put);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Parsed failed(RowError error) {
        return new Parsed(List.of(), List.of(error));
    }
}
