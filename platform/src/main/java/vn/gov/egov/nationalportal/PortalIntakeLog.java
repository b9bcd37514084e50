package vn.gov.egov.nationalportal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake log ({@code portal_intake}) and the last poll ({@code portal_poll}). */
@Repository
class PortalIntakeLog {

    /** One dossier fetched from the portal and what became of it. */
    record Entry(String portalDossierId, String procedureCode, String agencyCode, Instant submittedAt, String outcome,
                 String dossierCode, String reasons, Instant firstSeenAt, Instant lastAttemptAt, Instant acknowledgedAt,
                 Instant reportedAt) {

        public boolean refused() { // public for the page (SpEL)
            return "REFUSED".equals(outcome);
        }
    }

    record Poll(Instant lastPollAt, Instant lastSuccessAt, int fetched, String lastError) {
    }

    private final JdbcClient jdbc;

    PortalIntakeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String portalDossierId) {
        return jdbc.sql("select * from portal_intake where portal_dossier_id = ?").param(portalDossierId).query(PortalIntakeLog::entry).optional();
    }

    void registered(String portalDossierId, String procedureCode, String agencyCode, Instant submittedAt, String dossierCode, Instant now) {
        jdbc.sql("""
                insert into portal_intake (portal_dossier_id, procedure_code, agency_code, submitted_at, outcome, dossier_code,
                                           first_seen_at, last_attempt_at)
                values (?, ?, ?, ?, 'REGISTERED', ?, ?, ?)
                on conflict (portal_dossier_id) do update set outcome = 'REGISTERED', dossier_code = excluded.dossier_code,
                    reasons = null, last_attempt_at = excluded.last_attempt_at""")
                .params(portalDossierId, procedureCode, agencyCode, ts(submittedAt), dossierCode, ts(now), ts(now)).update();
    }

    void refused(String portalDossierId, String procedureCode, String agencyCode, Instant submittedAt, String reasons, Instant now) {
        jdbc.sql("""
                insert into portal_intake (portal_dossier_id, procedure_code, agency_code, submitted_at, outcome, reasons,
                                           first_seen_at, last_attempt_at)
                values (?, ?, ?, ?, 'REFUSED', ?, ?, ?)
                on conflict (portal_dossier_id) do update set outcome = 'REFUSED', reasons = excluded.reasons,
                    last_attempt_at = excluded.last_attempt_at""")
                .params(portalDossierId, procedureCode, agencyCode, ts(submittedAt), reasons, ts(now), ts(now)).update();
    }

    void acknowledged(String portalDossierId, Instant at) {
        jdbc.sql("update portal_intake set acknowledged_at = ? where portal_dossier_id = ?").params(ts(at), portalDossierId).update();
    }

    void reported(String portalDossierId, Instant at) {
        jdbc.sql("update portal_intake set reported_at = ? where portal_dossier_id = ?").params(ts(at), portalDossierId).update();
    }

    List<Entry> recent(int limit) {
        return jdbc.sql("select * from portal_intake order by last_attempt_at desc, portal_dossier_id limit ?").param(limit)
                .query(PortalIntakeLog::entry).list();
    }

    void polled(Instant at, int fetched, String error) {
        jdbc.sql("""
                insert into portal_poll (id, last_poll_at, last_success_at, fetched, last_error) values (1, ?, ?, ?, ?)
                on conflict (id) do update set last_poll_at = excluded.last_poll_at,
                    last_success_at = coalesce(excluded.last_success_at, portal_poll.last_success_at),
                    fetched = excluded.fetched, last_error = excluded.last_error""")
                .params(ts(at), error == null ? ts(at) : null, fetched, error).update();
    }

    Optional<Poll> lastPoll() {
        return jdbc.sql("select last_poll_at, last_success_at, fetched, last_error from portal_poll where id = 1").query((rs, n) -> new Poll(instant(rs, "last_poll_at"), instant(rs, "last_success_at"), rs.getInt("fetched"), rs.getString("last_error"))).optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getString("portal_dossier_id"), rs.getString("procedure_code"), rs.getString("agency_code"),
                instant(rs, "submitted_at"), rs.getString("outcome"), rs.getString("dossier_code"), rs.getString("reasons"),
                instant(rs, "first_seen_at"), instant(rs, "last_attempt_at"), instant(rs, "acknowledged_at"), instant(rs, "reported_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
