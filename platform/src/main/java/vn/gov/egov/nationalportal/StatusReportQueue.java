package vn.gov.egov.nationalportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedValueStore;

/**
 * The queue of status reports to send ({@code portal_status_report}) and the last batch sent
 * ({@code portal_report_sending}). A report is sealed at rest; it is opened only to be sent.
 */
@Repository
class StatusReportQueue {

    static final String REPORT = "nationalportal.portal_status_report.report";

    /** A report taken for sending: its place in the queue, its key, its dossier and its JSON. */
    record Queued(long seq, String reportKey, String dossierCode, String json) {
    }

    /** A report the portal refused, for the administrator's page. */
    record Refused(String reportKey, String dossierCode, int status, String reason, Instant enqueuedAt, Instant refusedAt) {
    }

    /** What waits: how many reports, since when, and how many of them wait for a retry after a failed call. */
    record Backlog(long pending, Instant oldest, long retrying) {
    }

    /** The last batch any node sent. */
    record LastBatch(Instant at, Instant lastSuccessAt, int size, String error) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    StatusReportQueue(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Enqueues unless a report of this key waits already (a redelivered event); returns whether it did. */
    boolean enqueue(String reportKey, String dossierCode, int status, String json, Instant now) {
        return jdbc.sql("""
                        insert into portal_status_report (report_key, dossier_code, status, report_sealed, next_attempt_at, enqueued_at)
                        values (:key, :code, :status, :report, :due, :now) on conflict (report_key) do nothing""")
                .param("key", reportKey).param("code", dossierCode).param("status", status)
                .param("report", protection.seal(REPORT, json)).param("due", ts(now)).param("now", ts(now)).update() == 1;
    }

    /**
     * Locks up to {@code limit} waiting reports due at {@code now} (and not before {@code from}, when given), oldest first,
     * skipping those another sender holds (for this transaction).
     */
    List<Queued> lockDue(Instant from, Instant now, int limit) {
        return jdbc.sql("""
                        select seq, report_key, dossier_code, report_sealed from portal_status_report
                        where state = 'PENDING' and next_attempt_at <= :now
                          and (cast(:from as timestamptz) is null or next_attempt_at >= cast(:from as timestamptz))
                        order by seq limit :limit for update skip locked""")
                .param("from", ts(from)).param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new Queued(rs.getLong("seq"), rs.getString("report_key"), rs.getString("dossier_code"),
                        protection.open(REPORT, rs.getString("report_sealed")))).list();
    }

    /** Every waiting report of these dossiers up to {@code maxSeq}, as (seq, dossier code), in queue order. */
    List<Queued> waitingOf(Collection<String> dossierCodes, long maxSeq) {
        return jdbc.sql("""
                        select seq, report_key, dossier_code from portal_status_report
                        where state = 'PENDING' and dossier_code in (:codes) and seq <= :max order by seq""")
                .param("codes", dossierCodes).param("max", maxSeq)
                .query((rs, n) -> new Queued(rs.getLong("seq"), rs.getString("report_key"), rs.getString("dossier_code"), null)).list();
    }

    /** The portal has them (accepted now or before): done. */
    void delete(Collection<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.sql("delete from portal_status_report where seq in (:seqs)").param("seqs", seqs).update();
        }
    }

    /** The portal refused it: kept with the reason, never sent again. */
    void refuse(long seq, String reason, Instant now) {
        jdbc.sql("""
                        update portal_status_report set state = 'REFUSED', attempts = attempts + 1, last_error = :reason, refused_at = :now,
                            next_attempt_at = :now where seq = :seq""")
                .param("reason", reason).param("now", ts(now)).param("seq", seq).update();
    }

    /** The call failed: each report waits {@code base · 2^attempts}, at most {@code max}, before its next attempt. */
    void failed(Collection<Long> seqs, String error, Instant now, Duration base, Duration max) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update portal_status_report set attempts = attempts + 1, last_error = :error,
                            next_attempt_at = cast(:now as timestamptz)
                                + least(make_interval(secs => :base * power(2, least(attempts, 30))), make_interval(secs => :max))
                        where seq in (:seqs)""")
                .param("error", error).param("now", ts(now)).param("base", base.toMillis() / 1000.0).param("max", max.toMillis() / 1000.0)
                .param("seqs", seqs).update();
    }

    void batchSent(Instant at, int size, String error) {
        jdbc.sql("""
                insert into portal_report_sending (id, last_batch_at, last_success_at, last_batch_size, last_error) values (1, ?, ?, ?, ?)
                on conflict (id) do update set last_batch_at = excluded.last_batch_at,
                    last_success_at = coalesce(excluded.last_success_at, portal_report_sending.last_success_at),
                    last_batch_size = excluded.last_batch_size, last_error = excluded.last_error""")
                .params(ts(at), error == null ? ts(at) : null, size, error).update();
    }

    Optional<LastBatch> lastBatch() {
        return jdbc.sql("select last_batch_at, last_success_at, last_batch_size, last_error from portal_report_sending where id = 1")
                .query((rs, n) -> new LastBatch(instant(rs, "last_batch_at"), instant(rs, "last_success_at"), rs.getInt("last_batch_size"),
                        rs.getString("last_error"))).optional();
    }

    Backlog backlog() {
        return jdbc.sql("""
                        select count(*) as pending, min(enqueued_at) as oldest, count(*) filter (where attempts > 0) as retrying
                        from portal_status_report where state = 'PENDING'""")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), instant(rs, "oldest"), rs.getLong("retrying"))).single();
    }

    List<Refused> refused(int limit) {
        return jdbc.sql("""
                        select report_key, dossier_code, status, last_error, enqueued_at, refused_at from portal_status_report
                        where state = 'REFUSED' order by refused_at desc, seq desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Refused(rs.getString("report_key"), rs.getString("dossier_code"), rs.getInt("status"),
                        rs.getString("last_error"), instant(rs, "enqueued_at"), instant(rs, "refused_at"))).list();
    }

    /** Lets a personal-data key rotation reseal the queued reports. */
    SealedValueStore sealedReports() {
        return SealedColumn.of(jdbc, "portal_status_report", "seq", SealedColumn.KeyType.BIGINT, "report_sealed", REPORT);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
