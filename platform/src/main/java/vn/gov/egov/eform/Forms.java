package vn.gov.egov.eform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The module's implementation of its public API. */
@Service
class Forms implements ProcedureForms, FormValidation {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FormStore store;
    private final ObjectMapper json;
    private final FormRendering rendering;

    Forms(FormStore store, ObjectMapper json, FormRendering rendering) {
        this.store = store;
        this.json = json;
        this.rendering = rendering;
    }

    @Override
    public List<FormLine> lines(String procedureCode, Integer version, JsonNode filled) {
        if (filled == null || filled.isNull() || version == null) {
            return List.of();
        }
        return version(procedureCode, version).map(form -> WrittenForm.lines(rendering.view(form, filled, List.of()))).orElse(List.of());
    }

    @Override
    public Optional<FormDefinition> current(String procedureCode, LocalDate asOf) {
        return store.current(procedureCode, asOf);
    }

    @Override
    public Optional<FormDefinition> current(String procedureCode) {
        return current(procedureCode, LocalDate.now(VIETNAM));
    }

    @Override
    public Optional<FormDefinition> version(String procedureCode, int version) {
        return store.find(procedureCode, version);
    }

    @Override
    public List<FormDefinition> versions(String procedureCode) {
        return store.versions(procedureCode);
    }

    @Override
    public FormDefinition publish(String procedureCode, LocalDate validFrom, JsonNode schema, String createdBy) {
        return publish(procedureCode, validFrom, schema, createdBy, false);
    }

    FormDefinition publish(String procedureCode, LocalDate validFrom, JsonNode schema, String createdBy, boolean demonstration) {
        FormSchemaCheck.check(schema);
        int version = store.insertNextVersion(procedureCode, validFrom, json.writeValueAsString(schema), demonstration, createdBy);
        return store.find(procedureCode, version).orElseThrow();
    }

    /** The latest version of every procedure's form, by procedure code. */
    List<FormDefinition> latestVersions() {
        return store.latestVersions();
    }

    boolean hasForm(String procedureCode) {
        return store.exists(procedureCode);
    }

    @Override
    public List<FieldError> validate(String procedureCode, int version, JsonNode filled) {
        return validate(store.find(procedureCode, version).orElseThrow(() -> new UnknownForm(procedureCode, version)), filled);
    }

    @Override
    public List<FieldError> validate(String procedureCode, int version, Map<String, ?> filled) {
        JsonNode tree = json.valueToTree(filled);
        return validate(procedureCode, version, tree);
    }

    @Override
    public List<FieldError> validate(FormDefinition form, JsonNode filled) {
        return FormValidator.validate(form.schema(), filled);
    }
}
