package vn.gov.national.simulator.procedures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SIMULATOR of the national procedure database (CSDL quốc gia về thủ tục hành chính). It serves the demonstration set
 * in {@code national-sim/procedures/national-procedures.json}: real-world procedure names and fields, but every code
 * is a SAMPLE and times and fees are demonstration values. The shape is this simulator's own, not the real system's:
 * <pre>
 * GET  /national-procedures/api/procedures?updatedSince=2025-01-01T00:00:00Z
 *      → {"simulator": true, "note": "…", "procedures": [ {code, sampleCode, name, fieldCode, level, competentAgency,
 *         implementingAgencies[], channels[], onlineLevel, documents[{name, originals, copies, formTemplate}],
 *         processingTime{value, unit}, fees[{name, amount, note}], resultType, conditions, legalBasis,
 *         publishingDecision, validFrom, validTo, demonstration, updatedAt}, … ]}
 * POST /national-procedures/api/procedures   one record: publishes it (replaces the record with the same code),
 *      updatedAt = now; how tests and demonstrations simulate the ministry changing a procedure.
 * </pre>
 */
@RestController
@RequestMapping("/national-procedures/api/procedures")
class NationalProcedureDatabase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String note;
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();

    NationalProcedureDatabase() {
        try (InputStream in = new ClassPathResource("national-sim/procedures/national-procedures.json").getInputStream()) {
            JsonNode file = JSON.readTree(in);
            note = file.path("note").asString();
            file.path("procedures").forEach(p -> records.put(p.path("code").asString(), (ObjectNode) p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> procedures(@RequestParam(required = false) String updatedSince) {
        Instant since;
        try {
            since = updatedSince == null || updatedSince.isBlank() ? Instant.EPOCH : Instant.parse(updatedSince.strip());
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "updatedSince must be an ISO-8601 instant"));
        }
        List<JsonNode> changed = new ArrayList<>();
        synchronized (records) {
            records.values().stream().filter(r -> !Instant.parse(r.path("updatedAt").asString("1970-01-01T00:00:00Z")).isBefore(since))
                    .forEach(r -> changed.add(r.deepCopy()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("simulator", true);
        body.put("note", note);
        body.put("procedures", changed);
        return ResponseEntity.ok(body);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> publish(@RequestBody JsonNode record) {
        if (!(record instanceof ObjectNode object) || object.path("code").asString("").isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "a procedure record with a code is required"));
        }
        ObjectNode copy = object.deepCopy();
        copy.put("updatedAt", Instant.now().toString());
        synchronized (records) {
            records.put(copy.path("code").asString(), copy);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("simulator", true, "code", copy.path("code").asString()));
    }
}
