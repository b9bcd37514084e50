package vn.gov.egov.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.egov.dossier.DossierChannel;

/** The intake log ({@code intake_item}) and the last poll of each channel ({@code intake_poll}). Nothing personal is kept. */
@Repository
class IntakeLog {

    static final String REGISTERED = "REGISTERED";
    static final String REFUSED = "REFUSED";

    private final JdbcClient jdbc;

    IntakeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DossierIntake.Entry> find(DossierChannel channel, String reference) {
        return jdbc.sql("select * from intake_item where channel = ? and reference = ?").params(channel.name(), reference)
                .query(IntakeLog::entry).optional();
    }

    void registered(DossierChannel channel, DeliveringSystem.Item item, String dossierCode, Instant now) {
        record(channel, item, REGISTERED, dossierCode, null, now);
    }

    void refused(DossierChannel channel, DeliveringSystem.Item item, String reasons, Instant now) {
        record(channel, item, REFUSED, null, reasons, now);
    }

    /** The item's outcome: a registration's dossier code clears earlier reasons; a refusal keeps any dossier code. */
    private void record(DossierChannel channel, DeliveringSystem.Item item, String outcome, String dossierCode, String reasons, Instant now) {
        jdbc.sql("""
                insert into intake_item (channel, reference, procedure_code, agency_code, submitted_at, outcome, dossier_code, reasons,
                                         first_seen_at, last_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (channel, reference) do update set outcome = excluded.outcome,
                    dossier_code = coalesce(excluded.dossier_code, intake_item.dossier_code), reasons = excluded.reasons,
                    last_attempt_at = excluded.last_attempt_at""")
                .params(channel.name(), item.reference(), item.procedureCode(), item.agencyCode(), ts(item.submittedAt()), outcome,
                        dossierCode, reasons, ts(now), ts(now)).update();
    }

    void acknowledged(DossierChannel channel, String reference, Instant at) {
        jdbc.sql("update intake_item set acknowledged_at = ? where channel = ? and reference = ?")
                .params(ts(at), channel.name(), reference).update();
    }

    void told(DossierChannel channel, String reference, Instant at) {
        jdbc.sql("update intake_item set told_at = ?, last_attempt_at = ? where channel = ? and reference = ?")
                .params(ts(at), ts(at), channel.name(), reference).update();
    }

    List<DossierIntake.Entry> recent(DossierChannel channel, int limit) {
        return jdbc.sql("select * from intake_item where channel = ? order by last_attempt_at desc, reference limit ?")
                .params(channel.name(), limit).query(IntakeLog::entry).list();
    }

    void polled(DossierChannel channel, Instant at, int fetched, String error) {
        jdbc.sql("""
                insert into intake_poll (channel, last_poll_at, last_success_at, fetched, last_error) values (?, ?, ?, ?, ?)
                on conflict (channel) do update set last_poll_at = excluded.last_poll_at,
                    last_success_at = coalesce(excluded.last_success_at, intake_poll.last_success_at),
                    fetched = excluded.fetched, last_error = excluded.last_error""")
                .params(channel.name(), ts(at), error == null ? ts(at) : null, fetched, error).update();
    }

    Optional<DossierIntake.Poll> lastPoll(DossierChannel channel) {
        return jdbc.sql("select last_poll_at, last_success_at, fetched, last_error from intake_poll where channel = ?")
                .param(channel.name())
                .query((rs, n) -> new DossierIntake.Poll(instant(rs, "last_poll_at"), instant(rs, "last_success_at"), rs.getInt("fetched"),
                        rs.getString("last_error"))).optional();
    }

    private static DossierIntake.Entry entry(ResultSet rs, int row) throws SQLException {
        return new DossierIntake.Entry(DossierChannel.valueOf(rs.getString("channel")), rs.getString("reference"),
                rs.getString("procedure_code"), rs.getString("agency_code"), instant(rs, "submitted_at"), rs.getString("outcome"),
                rs.getString("dossier_code"), rs.getString("reasons"), instant(rs, "first_seen_at"), instant(rs, "last_attempt_at"),
                instant(rs, "acknowledged_at"), instant(rs, "told_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
