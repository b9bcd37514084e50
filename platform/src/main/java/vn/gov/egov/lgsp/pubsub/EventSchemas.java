package vn.gov.egov.lgsp.pubsub;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Event types' JSON Schemas (draft 2020-12 unless the schema names another dialect in {@code $schema}): a schema is
 * checked against its meta-schema when registered; payloads are checked against it on every publish (compiled
 * schemas are kept by their text).
 */
@Component
class EventSchemas {

    /** One broken rule: where in the document (JSON Pointer-like path) and which keyword, with the library's words. */
    record Violation(String path, String rule, String message) {
    }

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
    private final ConcurrentMap<String, Schema> compiled = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    EventSchemas(ObjectMapper json) {
        this.json = json;
    }

    /** What is wrong with a schema (empty: it is a valid JSON Schema); not JSON at all is one violation at "$". */
    List<Violation> checkSchema(String schemaText) {
        JsonNode schema;
        try {
            schema = json.readTree(schemaText);
        } catch (RuntimeException e) {
            return List.of(new Violation("$", "json", "không phải JSON hợp lệ"));
        }
        if (schema == null || !schema.isObject()) {
            return List.of(new Violation("$", "type", "lược đồ phải là một đối tượng JSON"));
        }
        List<Violation> violations = violations(metaSchema.validate(schema));
        if (violations.isEmpty()) {
            try {
                compile(schemaText);
            } catch (RuntimeException e) {
                return List.of(new Violation("$", "schema", "không dựng được lược đồ: " + e.getMessage()));
            }
        }
        return violations;
    }

    /** What is wrong with a payload against the type's schema (empty: valid). */
    List<Violation> check(String schemaText, JsonNode payload) {
        return violations(compile(schemaText).validate(payload));
    }

    private Schema compile(String schemaText) {
        return compiled.computeIfAbsent(schemaText, text -> registry.getSchema(text, com.networknt.schema.InputFormat.JSON));
    }

    private static List<Violation> violations(List<Error> errors) {
        return errors.stream().limit(50)
                .map(e -> new Violation(e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString(),
                        e.getKeyword(), e.getMessage()))
                .toList();
    }
}
