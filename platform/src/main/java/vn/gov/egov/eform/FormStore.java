package vn.gov.egov.eform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.database.ReadMemory;

/** The form versions in PostgreSQL; rows are only ever inserted. */
@Repository
class FormStore {

    private static final String COLUMNS = "procedure_code, version, valid_from, schema_json, demonstration, created_by, created_at";

    /** How long a form read stays in memory: another node's new version is seen here within this time. */
    static final Duration KEEP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Every submission reads its form (the schema parsed): kept briefly, forgotten at once by a new version here. */
    private final ReadMemory<Current, Optional<FormDefinition>> current = new ReadMemory<>(KEEP, 10_000);
    private final ReadMemory<Version, Optional<FormDefinition>> versions = new ReadMemory<>(KEEP, 10_000);

    private record Current(String procedureCode, LocalDate asOf) {
    }

    private record Version(String procedureCode, int version) {
    }

    FormStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the next version of the procedure's form and returns its number. */
    int insertNextVersion(String procedureCode, LocalDate validFrom, String schemaJson, boolean demonstration, String createdBy) {
        current.forgetAll();
        versions.forgetAll();
        return jdbc.sql("""
                        insert into eform_definition (procedure_code, version, valid_from, schema_json, demonstration, created_by)
                        select :code, coalesce(max(version), 0) + 1, :validFrom, :schema, :demonstration, :createdBy
                        from eform_definition where procedure_code = :code
                        returning version""")
                .param("code", procedureCode).param("validFrom", validFrom).param("schema", schemaJson)
                .param("demonstration", demonstration).param("createdBy", createdBy)
                .query(Integer.class).single();
    }

    Optional<FormDefinition> find(String procedureCode, int version) {
        return versions.read(new Version(procedureCode, version), key -> read(key.procedureCode(), key.version()));
    }

    private Optional<FormDefinition> read(String procedureCode, int version) {
        return jdbc.sql("select " + COLUMNS + " from eform_definition where procedure_code = :code and version = :version")
                .param("code", procedureCode).param("version", version).query(this::row).optional();
    }

    Optional<FormDefinition> current(String procedureCode, LocalDate asOf) {
        return current.read(new Current(procedureCode, asOf), key -> readCurrent(key.procedureCode(), key.asOf()));
    }

    private Optional<FormDefinition> readCurrent(String procedureCode, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from eform_definition where procedure_code = :code and valid_from <= :asOf"
                        + " order by version desc limit 1")
                .param("code", procedureCode).param("asOf", asOf).query(this::row).optional();
    }

    List<FormDefinition> versions(String procedureCode) {
        return jdbc.sql("select " + COLUMNS + " from eform_definition where procedure_code = :code order by version")
                .param("code", procedureCode).query(this::row).list();
    }

    List<FormDefinition> latestVersions() {
        return jdbc.sql("select distinct on (procedure_code) " + COLUMNS + " from eform_definition"
                        + " order by procedure_code, version desc")
                .query(this::row).list();
    }

    boolean exists(String procedureCode) {
        return jdbc.sql("select count(*) from eform_definition where procedure_code = :code")
                .param("code", procedureCode).query(Integer.class).single() > 0;
    }

    private FormDefinition row(ResultSet rs, int rowNum) throws SQLException {
        return new FormDefinition(rs.getString("procedure_code"), rs.getInt("version"),
                rs.getObject("valid_from", LocalDate.class), json.readTree(rs.getString("schema_json")),
                rs.getBoolean("demonstration"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
