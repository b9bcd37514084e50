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
import vn.gov.egov.personaldata.PersonalDataProtection;

/** The subscriptions' table; webhook secrets are sealed at rest and kept opened in memory for signing. */
@Repository
class Subscriptions {

    static final String SECRET_PURPOSE = "lgsp.pubsub_subscription.secret_sealed";
    private static final String COLUMNS = "id, event_type_id, consumer_member, consumer_subsystem, consumer_client_id, mode, "
            + "webhook_url, state, requested_at, decided_at, decided_by";

    private final JdbcClient jdbc;
    private final PersonalDataProtection sealing;
    private final Map<UUID, String> secrets = new ConcurrentHashMap<>();

    Subscriptions(JdbcClient jdbc, PersonalDataProtection sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    Optional<Subscription> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_subscription WHERE id = ?").param(id).query(Subscriptions::row).optional();
    }

    /** The same, its row locked until the transaction ends (two decisions on one request never both pass). */
    Optional<Subscription> lockedById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_subscription WHERE id = ? FOR UPDATE").param(id)
                .query(Subscriptions::row).optional();
    }

    List<Subscription> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_subscription ORDER BY requested_at DESC").query(Subscriptions::row).list();
    }

    List<Subscription> active(Subscription.Mode mode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_subscription WHERE state = 'ACTIVE' AND mode = ?")
                .param(mode.name()).query(Subscriptions::row).list();
    }

    /** Requested subscriptions, waiting for the provider's side, oldest first. */
    List<Subscription> requested() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lgsp_pubsub_subscription WHERE state = 'REQUESTED' ORDER BY requested_at")
                .query(Subscriptions::row).list();
    }

    /** A requested subscription refused; false when it was no longer requested. */
    boolean refuse(UUID id, String by, String reason) {
        return jdbc.sql("""
                UPDATE lgsp_pubsub_subscription SET state = 'REFUSED', decided_at = now(), decided_by = ?, decision_reason = ?
                WHERE id = ? AND state = 'REQUESTED'""").params(by, reason, id).update() == 1;
    }

    /** Why a refused subscription was refused. */
    Optional<String> decisionReason(UUID id) {
        return jdbc.sql("SELECT decision_reason FROM lgsp_pubsub_subscription WHERE id = ?").param(id).query(String.class).optional();
    }

    void insert(Subscription s) {
        jdbc.sql("INSERT INTO lgsp_pubsub_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.eventTypeId(), s.consumerMember(), s.consumerSubsystem(), s.clientId(), s.mode().name(),
                        s.webhookUrl(), s.state().name(), Timestamp.from(s.requestedAt()),
                        s.decidedAt() == null ? null : Timestamp.from(s.decidedAt()), s.decidedBy())
                .update();
    }

    void decide(UUID id, Subscription.State state, String by, String secret) {
        if (secret != null) {
            jdbc.sql("UPDATE lgsp_pubsub_subscription SET state = ?, decided_at = now(), decided_by = ?, secret_sealed = ? WHERE id = ?")
                    .params(state.name(), by, sealing.seal(SECRET_PURPOSE, secret), id).update();
            secrets.put(id, secret);
        } else {
            // decided_at/decided_by keep the approval (or refusal): later pauses and revocations are in the audit trail
            jdbc.sql("""
                    UPDATE lgsp_pubsub_subscription SET state = ?,
                           decided_at = CASE WHEN state = 'REQUESTED' THEN now() ELSE decided_at END,
                           decided_by = CASE WHEN state = 'REQUESTED' THEN ? ELSE decided_by END
                    WHERE id = ?""").params(state.name(), by, id).update();
        }
    }

    /** The webhook signing key of a push subscription. */
    String secret(UUID id) {
        return secrets.computeIfAbsent(id, key -> sealing.open(SECRET_PURPOSE,
                jdbc.sql("SELECT secret_sealed FROM lgsp_pubsub_subscription WHERE id = ?").param(key).query(String.class).single()));
    }

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("event_type_id", UUID.class),
                rs.getString("consumer_member"), rs.getString("consumer_subsystem"), rs.getString("consumer_client_id"),
                Subscription.Mode.valueOf(rs.getString("mode")), rs.getString("webhook_url"),
                Subscription.State.valueOf(rs.getString("state")), rs.getTimestamp("requested_at").toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"));
    }
}
