package vn.gov.egov.postal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake log ({@code postal_intake}) and the last poll ({@code postal_poll}). */
@Repository
class PostalIntakeLog {

    /** One postal item VNPost delivered and what became of it. */
    record Entry(String itemNumber, String procedureCode, String agencyCode, Instant acceptedAt, String outcome,
                 String dossierCode, String reasons, Instant firstSeenAt, Instant lastAttemptAt, Instant acknowledgedAt) {

        public boolean refused() { // public for the page (SpEL)
            return "REFUSED".equals(outcome);
        }
    }

    record Poll(Instant lastPollAt, Instant lastSuccessAt, int fetched, String lastError) {
    }

    private final JdbcClient jdbc;

    PostalIntakeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String itemNumber) {
        return jdbc.sql("select * from postal_intake where item_number = ?").param(itemNumber).query(PostalIntakeLog::entry).optional();
    }

    void registered(String itemNumber, String procedureCode, String agencyCode, Instant acceptedAt, String dossierCode, Instant now) {
        jdbc.sql("""
                insert into postal_intake (item_number, procedure_code, agency_code, accepted_at, outcome, dossier_code,
                                           first_seen_at, last_attempt_at)
                values (?, ?, ?, ?, 'REGISTERED', ?, ?, ?)
                on conflict (item_number) do update set outcome = 'REGISTERED', dossier_code = excluded.dossier_code,
                    reasons = null, last_attempt_at = excluded.last_attempt_at""")
                .params(itemNumber, procedureCode, agencyCode, ts(acceptedAt), dossierCode, ts(now), ts(now)).update();
    }

    void refused(String itemNumber, String procedureCode, String agencyCode, Instant acceptedAt, String reasons, Instant now) {
        jdbc.sql("""
                insert into postal_intake (item_number, procedure_code, agency_code, accepted_at, outcome, reasons,
                                           first_seen_at, last_attempt_at)
                values (?, ?, ?, ?, 'REFUSED', ?, ?, ?)
                on conflict (item_number) do update set outcome = 'REFUSED', reasons = excluded.reasons,
                    last_attempt_at = excluded.last_attempt_at""")
                .params(itemNumber, procedureCode, agencyCode, ts(acceptedAt), reasons, ts(now), ts(now)).update();
    }

    void acknowledged(String itemNumber, Instant at) {
        jdbc.sql("update postal_intake set acknowledged_at = ? where item_number = ?").params(ts(at), itemNumber).update();
    }

    List<Entry> recent(int limit) {
        return jdbc.sql("select * from postal_intake order by last_attempt_at desc, item_number limit ?").param(limit)
                .query(PostalIntakeLog::entry).list();
    }

    void polled(Instant at, int fetched, String error) {
        jdbc.sql("""
                insert into postal_poll (id, last_poll_at, last_success_at, fetched, last_error) values (1, ?, ?, ?, ?)
                on conflict (id) do update set last_poll_at = excluded.last_poll_at,
                    last_success_at = coalesce(excluded.last_success_at, postal_poll.last_success_at),
                    fetched = excluded.fetched, last_error = excluded.last_error""")
                .params(ts(at), error == null ? ts(at) : null, fetched, error).update();
    }

    Optional<Poll> lastPoll() {
        return jdbc.sql("select last_poll_at, last_success_at, fetched, last_error from postal_poll where id = 1").query((rs, n) -> new Poll(instant(rs, "last_poll_at"), instant(rs, "last_success_at"), rs.getInt("fetched"), rs.getString("last_error"))).optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getString("item_number"), rs.getString("procedure_code"), rs.getString("agency_code"),
                instant(rs, "accepted_at"), rs.getString("outcome"), rs.getString("dossier_code"), rs.getString("reasons"),
                instant(rs, "first_seen_at"), instant(rs, "last_attempt_at"), instant(rs, "acknowledged_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
