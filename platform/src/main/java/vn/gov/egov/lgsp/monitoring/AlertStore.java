package vn.gov.egov.lgsp.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alerts' history ({@code lgsp_monitoring_alert}); at most one open alert per key, across nodes. */
@Component
class AlertStore {

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the alert with this id unless one with its key is open; returns whether this call opened it. */
    boolean open(UUID id, String key, MonitoringAlert.Kind kind, String subject, String detail, Instant at, String node) {
        return jdbc.sql("INSERT INTO lgsp_monitoring_alert (id, alert_key, kind, subject, detail, opened_at, opened_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_key) WHERE resolved_at IS NULL DO NOTHING")
                .params(id, key, kind.name(), subject, detail, Timestamp.from(at), node)
                .update() == 1;
    }

    /** Resolves the open alert; returns whether this call resolved it. */
    boolean resolve(UUID id, Instant at, String node) {
        return jdbc.sql("UPDATE lgsp_monitoring_alert SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL")
                .params(Timestamp.from(at), node, id).update() == 1;
    }

    /** Updates what an open alert says (e.g. the current backlog). */
    void describe(UUID id, String detail) {
        jdbc.sql("UPDATE lgsp_monitoring_alert SET detail = ? WHERE id = ? AND resolved_at IS NULL").params(detail, id).update();
    }

    /**
     * Whether another alert of the key opened within {@code quiet} before {@code openedAt}: then this one (a condition
     * that keeps clearing and coming back) is not announced again, neither when it opens nor when it resolves.
     */
    boolean repeats(String key, UUID id, Instant openedAt, java.time.Duration quiet) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM lgsp_monitoring_alert WHERE alert_key = ? AND id <> ?
                                       AND opened_at < ? AND opened_at >= ?)""")
                .params(key, id, java.sql.Timestamp.from(openedAt), java.sql.Timestamp.from(openedAt.minus(quiet)))
                .query(Boolean.class).single();
    }

    List<MonitoringAlert> open() {
        return jdbc.sql("SELECT * FROM lgsp_monitoring_alert WHERE resolved_at IS NULL ORDER BY opened_at DESC")
                .query((rs, n) -> alert(rs)).list();
    }

    /** The latest alerts, open or resolved, newest first. */
    List<MonitoringAlert> recent(int limit) {
        return jdbc.sql("SELECT * FROM lgsp_monitoring_alert ORDER BY opened_at DESC LIMIT ?").params(limit)
                .query((rs, n) -> alert(rs)).list();
    }

    private static MonitoringAlert alert(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new MonitoringAlert(rs.getObject("id", UUID.class), rs.getString("alert_key"),
                MonitoringAlert.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("detail"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"));
    }
}
