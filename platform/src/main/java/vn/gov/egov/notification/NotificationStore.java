package vn.gov.egov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table. */
@Repository
class NotificationStore {

    static final String RECIPIENT = "notification.notification.recipient";
    static final String BODY = "notification.notification.body";

    private static final String COLUMNS = """
            id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked, template, subject, body_sealed,
            status, attempts, last_error, provider_id, created_at, updated_at, next_attempt_at, sent_at""";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless this event already has its message on this channel; returns whether it did. */
    boolean insert(NotificationRow n) {
        return jdbc.sql("""
                        insert into notification (id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked,
                            template, subject, body_sealed, status, attempts, last_error, created_at, updated_at, next_attempt_at)
                        values (:id, :code, :action, :eventAt, :channel, :recipient, :masked, :template, :subject, :body, :status, 0,
                            :lastError, :now, :now, :next)
                        on conflict on constraint notification_once do nothing""")
                .param("id", n.id()).param("code", n.dossierCode()).param("action", n.eventAction())
                .param("eventAt", Timestamp.from(n.eventAt())).param("channel", n.channel().name())
                .param("recipient", n.recipientSealed()).param("masked", n.recipientMasked()).param("template", n.template())
                .param("subject", n.subject()).param("body", n.bodySealed()).param("status", n.status().name())
                .param("lastError", n.lastError()).param("now", Timestamp.from(n.createdAt()))
                .param("next", n.nextAttemptAt() == null ? null : Timestamp.from(n.nextAttemptAt()))
                .update() == 1;
    }

    /** Ids of the messages due for an attempt, oldest due first. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("select id from notification where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at limit :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** The message, locked for this transaction, if it is still due; empty when another node holds or sent it. */
    Optional<NotificationRow> lockIfDue(UUID id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id and status = 'PENDING' and next_attempt_at <= :now"
                        + " for update skip locked")
                .param("id", id).param("now", Timestamp.from(now)).query(NotificationStore::row).optional();
    }

    void sent(UUID id, String providerId, Instant now) {
        jdbc.sql("""
                        update notification set status = 'SENT', attempts = attempts + 1, provider_id = :provider, sent_at = :now,
                            updated_at = :now, next_attempt_at = null where id = :id""")
                .param("id", id).param("provider", providerId).param("now", Timestamp.from(now)).update();
    }

    void failedAttempt(UUID id, String error, Instant now, Instant next) {
        jdbc.sql("""
                        update notification set status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end,
                            attempts = attempts + 1, last_error = :error, updated_at = :now, next_attempt_at = cast(:next as timestamptz) where id = :id""")
                .param("id", id).param("error", error).param("now", Timestamp.from(now))
                .param("next", next == null ? null : Timestamp.from(next)).update();
    }

    List<NotificationRow> latest(NotificationStatus status, String dossierCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:code as text) is null or dossier_code = :code) order by created_at desc, channel limit :limit")
                .param("status", status == null ? null : status.name()).param("code", dossierCode).param("limit", limit)
                .query(NotificationStore::row).list();
    }

    private static NotificationRow row(ResultSet rs, int n) throws SQLException {
        return new NotificationRow(rs.getObject("id", UUID.class), rs.getString("dossier_code"), rs.getString("event_action"),
                instant(rs, "event_at"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient_sealed"),
                rs.getString("recipient_masked"), rs.getString("template"), rs.getString("subject"), rs.getString("body_sealed"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("provider_id"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
