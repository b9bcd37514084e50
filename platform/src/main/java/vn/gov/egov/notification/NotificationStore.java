package vn.gov.egov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table. */
@Repository
class NotificationStore {

    static final String RECIPIENT = "notification.notification.recipient";
    static final String BODY = "notification.notification.body";

    private static final String COLUMNS = """
            id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked, template, subject, body_sealed,
            status, attempts, last_error, provider_id, created_at, updated_at, next_attempt_at, sent_at, subject_ref, recipient_key""";

    /** One outcome of an attempt: {@code providerId} when sent; otherwise the error and the next attempt (none: FAILED). */
    record Attempted(UUID id, String providerId, String error, Instant next) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    NotificationStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Inserts unless this event already has its message on this channel; returns whether it did. */
    boolean insert(NotificationRow n) {
        return !insertAll(List.of(n)).isEmpty();
    }

    /**
     * Inserts the rows in one statement, leaving out those whose event already has its message on the channel (a
     * redelivered event) – for an official's message, to that recipient; returns the ids inserted.
     */
    /** A row's values in {@link #insertAll}, in the order of its columns; the empty one is {@code attempts}. */
    private static final List<String> ROW_PARAMETERS = List.of("id", "code", "action", "eventAt", "channel", "recipient", "masked",
            "template", "subject", "body", "status", "", "lastError", "now", "now", "next", "subjectRef", "recipientKey");

    Set<UUID> insertAll(List<NotificationRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("""
                insert into notification (id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked,
                    template, subject, body_sealed, status, attempts, last_error, created_at, updated_at, next_attempt_at, subject_ref,
                    recipient_key) values""");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            NotificationRow n = rows.get(i);
            sql.append(i == 0 ? " (" : ", (");
            for (String parameter : ROW_PARAMETERS) {
                if (parameter.isEmpty()) {
                    sql.append("0, "); // no attempt yet
                } else {
                    sql.append(':').append(parameter).append(i).append(", ");
                }
            }
            sql.setLength(sql.length() - 2);
            sql.append(')');
            params.put("id" + i, n.id());
            params.put("code" + i, n.dossierCode());
            params.put("action" + i, n.eventAction());
            params.put("eventAt" + i, Timestamp.from(n.eventAt()));
            params.put("channel" + i, n.channel().name());
            params.put("recipient" + i, n.recipientSealed());
            params.put("masked" + i, n.recipientMasked());
            params.put("template" + i, n.template());
            params.put("subject" + i, n.subject());
            params.put("body" + i, n.bodySealed());
            params.put("status" + i, n.status().name());
            params.put("lastError" + i, n.lastError());
            params.put("now" + i, Timestamp.from(n.createdAt()));
            params.put("next" + i, n.nextAttemptAt() == null ? null : Timestamp.from(n.nextAttemptAt()));
            params.put("subjectRef" + i, n.subjectRef());
            params.put("recipientKey" + i, n.recipientKey());
        }
        // either unique index: notification_once (applicants') or notification_once_per_recipient (officials')
        sql.append(" on conflict do nothing returning id");
        return new HashSet<>(jdbc.sql(sql.toString()).params(params).query(UUID.class).list());
    }

    /**
     * Up to {@code limit} messages due now, oldest due first, locked for this transaction; those another node (or
     * another sender) holds are passed over, so no message is taken twice.
     */
    List<NotificationRow> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at limit :limit for update skip locked")
                .param("now", Timestamp.from(now)).param("limit", limit).query(NotificationStore::row).list();
    }

    /** Records the outcomes: one batch of statements for the messages sent, one for those not sent. */
    void attempted(List<Attempted> outcomes, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> sent = outcomes.stream().filter(o -> o.error() == null)
                .map(o -> new Object[] {o.providerId(), at, at, o.id()}).toList();
        if (!sent.isEmpty()) {
            batches.batchUpdate("""
                    update notification set status = 'SENT', attempts = attempts + 1, provider_id = ?, sent_at = ?, updated_at = ?,
                        next_attempt_at = null where id = ?""", sent,
                    new int[] {Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.OTHER});
        }
        List<Object[]> failed = outcomes.stream().filter(o -> o.error() != null).map(o -> new Object[] {
                o.next() == null ? "FAILED" : "PENDING", o.error(), at, o.next() == null ? null : Timestamp.from(o.next()), o.id()}).toList();
        if (!failed.isEmpty()) {
            batches.batchUpdate("""
                    update notification set status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?,
                        next_attempt_at = ? where id = ?""", failed,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.OTHER});
        }
    }

    void sent(UUID id, String providerId, Instant now) {
        attempted(List.of(new Attempted(id, providerId, null, null)), now);
    }

    void failedAttempt(UUID id, String error, Instant now, Instant next) {
        attempted(List.of(new Attempted(id, null, error, next)), now);
    }

    /** The latest messages, newest first; {@code code}: a dossier's, or those about one subject ({@code lgsp-alert:<id>}). */
    List<NotificationRow> latest(NotificationStatus status, String code, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:code as text) is null or dossier_code = :code or subject_ref = :code)"
                        + " order by created_at desc, channel limit :limit")
                .param("status", status == null ? null : status.name()).param("code", code).param("limit", limit)
                .query(NotificationStore::row).list();
    }

    private static NotificationRow row(ResultSet rs, int n) throws SQLException {
        return new NotificationRow(rs.getObject("id", UUID.class), rs.getString("dossier_code"), rs.getString("event_action"),
                instant(rs, "event_at"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient_sealed"),
                rs.getString("recipient_masked"), rs.getString("template"), rs.getString("subject"), rs.getString("body_sealed"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("provider_id"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"), rs.getString("subject_ref"), rs.getString("recipient_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
