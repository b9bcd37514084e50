package vn.gov.egov.lgsp.pubsub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceState;

/** The event types' table; publishing finds a type by its path from memory (refreshed on every change here). */
@Repository
class EventTypes {

    private static final String COLUMNS = "id, member, subsystem, code, version, name, description, json_schema, security_level, "
            + "state, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Map<String, EventType> byPath = new ConcurrentHashMap<>();

    EventTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The type at {@code member/subsystem/code/version}; read from the table once, then from memory. */
    Optional<EventType> byPath(String member, String subsystem, String code, String version) {
        String path = member + "/" + subsystem + "/" + code + "/" + version;
        EventType known = byPath.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<EventType> found = jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_event_type "
                        + "WHERE member = ? AND subsystem = ? AND code = ? AND version = ?")
                .params(member, subsystem, code, version).query(EventTypes::row).optional();
        found.ifPresent(t -> byPath.put(path, t));
        return found;
    }

    Optional<EventType> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_event_type WHERE id = ?").param(id).query(EventTypes::row).optional();
    }

    List<EventType> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_event_type ORDER BY member, subsystem, code, version")
                .query(EventTypes::row).list();
    }

    void insert(EventType t) {
        jdbc.sql("INSERT INTO lgsp_pubsub_event_type (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.member(), t.subsystem(), t.code(), t.version(), t.name(), t.description(), t.jsonSchema(),
                        t.securityLevel().name(), t.state().name(), Timestamp.from(t.createdAt()), Timestamp.from(t.updatedAt()))
                .update();
        byPath.remove(t.path());
    }

    void update(EventType t) {
        jdbc.sql("UPDATE lgsp_pubsub_event_type SET name = ?, description = ?, json_schema = ?, security_level = ?, state = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(t.name(), t.description(), t.jsonSchema(), t.securityLevel().name(), t.state().name(),
                        Timestamp.from(t.updatedAt()), t.id())
                .update();
        byPath.remove(t.path());
    }

    private static EventType row(ResultSet rs, int n) throws SQLException {
        return new EventType(rs.getObject("id", UUID.class), rs.getString("member"), rs.getString("subsystem"),
                rs.getString("code"), rs.getString("version"), rs.getString("name"), rs.getString("description"),
                rs.getString("json_schema"), SecurityLevel.valueOf(rs.getString("security_level")),
                ServiceState.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
