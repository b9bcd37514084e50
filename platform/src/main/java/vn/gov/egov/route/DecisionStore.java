package vn.gov.egov.route;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The DMN decision tables in PostgreSQL, by key and version; the latest published version of a key applies. */
@Repository
class DecisionStore {

    record Decision(UUID id, String key, int version, String name, String dmnXml, List<String> outputs, boolean published,
                    boolean demonstration, String createdBy, Instant createdAt) {
    }

    private static final String COLUMNS = "id, decision_key, version, name, dmn_xml, outputs, published, demonstration, created_by, created_at";

    private final JdbcClient jdbc;

    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Decision> latestPublished(String key) {
        return jdbc.sql("select " + COLUMNS + " from route_decision where decision_key = :key and published"
                        + " order by version desc limit 1")
                .param("key", key).query((rs, n) -> map(rs)).optional();
    }

    List<Decision> all() {
        return jdbc.sql("select " + COLUMNS + " from route_decision order by decision_key, version desc").query((rs, n) -> map(rs)).list();
    }

    Optional<Decision> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from route_decision where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** Stores the next version of {@code key}; two uploads at once wait for each other (one lock per key). */
    Decision add(String key, String name, String dmnXml, List<String> outputs, boolean published, boolean demonstration, String by) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 100))").param("k", "route_decision/" + key).query().singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from route_decision where decision_key = :key")
                .param("key", key).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into route_decision (id, decision_key, version, name, dmn_xml, outputs, published, demonstration, created_by, created_at)
                values (:id, :key, :version, :name, :xml, :outputs, :published, :demonstration, :by, :at)""")
                .param("id", id).param("key", key).param("version", version).param("name", name).param("xml", dmnXml)
                .param("outputs", outputs.toArray(String[]::new)).param("published", published)
                .param("demonstration", demonstration).param("by", by).param("at", java.sql.Timestamp.from(now)).update();
        return new Decision(id, key, version, name, dmnXml, List.copyOf(outputs), published, demonstration, by, now);
    }

    private static Decision map(ResultSet rs) throws SQLException {
        Array outputs = rs.getArray("outputs");
        return new Decision(rs.getObject("id", UUID.class), rs.getString("decision_key"), rs.getInt("version"), rs.getString("name"),
                rs.getString("dmn_xml"), Arrays.asList((String[]) outputs.getArray()), rs.getBoolean("published"),
                rs.getBoolean("demonstration"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
