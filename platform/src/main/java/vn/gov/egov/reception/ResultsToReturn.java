package vn.gov.egov.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.ResultDelivery;

/** The desk's results to return ({@code reception_result}) and the hand-overs it recorded ({@code reception_handover}). */
@Repository
class ResultsToReturn {

    /** A resolved dossier whose result waits to be returned. */
    record Waiting(UUID dossierId, String code, String receivingAgency, String procedureName, String applicantName,
                   String businessName, ResultDelivery delivery, DossierOutcome outcome, LocalDate appointmentDate, boolean late,
                   Instant resolvedAt) {

        public boolean atDesk() { // public for the page (SpEL)
            return delivery == ResultDelivery.AT_DESK;
        }
    }

    private final JdbcClient jdbc;

    ResultsToReturn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enters a resolved dossier; nothing when it is known already (a redelivered event, or returned first). */
    void resolved(Waiting w) {
        jdbc.sql("""
                insert into reception_result (dossier_id, dossier_code, receiving_agency, procedure_name, applicant_name, business_name,
                                              result_delivery, outcome, appointment_date, late, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dossier_id) do update set dossier_code = excluded.dossier_code,
                    receiving_agency = excluded.receiving_agency, procedure_name = excluded.procedure_name,
                    applicant_name = excluded.applicant_name, business_name = excluded.business_name,
                    result_delivery = excluded.result_delivery, outcome = excluded.outcome,
                    appointment_date = excluded.appointment_date, late = excluded.late, resolved_at = excluded.resolved_at""")
                .params(w.dossierId(), w.code(), w.receivingAgency(), w.procedureName(), w.applicantName(), w.businessName(),
                        w.delivery() == null ? null : w.delivery().name(), w.outcome() == null ? null : w.outcome().name(),
                        w.appointmentDate(), w.late(), ts(w.resolvedAt()))
                .update();
    }

    /** The result was returned: it leaves the list (a row is kept, so that a late "resolved" does not bring it back). */
    void returned(UUID dossierId, String code, Instant at) {
        jdbc.sql("""
                insert into reception_result (dossier_id, dossier_code, returned_at) values (?, ?, ?)
                on conflict (dossier_id) do update set returned_at = coalesce(reception_result.returned_at, excluded.returned_at)""")
                .params(dossierId, code, ts(at)).update();
    }

    /** The results waiting in these agencies, the oldest resolved first. */
    List<Waiting> waiting(Collection<String> agencies, int limit) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from reception_result where returned_at is null and resolved_at is not null and receiving_agency in (:agencies)
                order by resolved_at, dossier_code limit :limit""")
                .param("agencies", agencies).param("limit", limit).query(ResultsToReturn::waiting).list();
    }

    void handedOver(UUID dossierId, String code, String recipientName, boolean proxy, String proxyIdSealed, String relation,
                    String officer, Instant at) {
        jdbc.sql("""
                insert into reception_handover (dossier_id, dossier_code, recipient_name, proxy, proxy_personal_id_sealed, relation,
                                                officer, handed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dossier_id) do nothing""")
                .params(dossierId, code, recipientName, proxy, proxyIdSealed, relation, officer, ts(at)).update();
    }

    private static Waiting waiting(ResultSet rs, int row) throws SQLException {
        String delivery = rs.getString("result_delivery");
        String outcome = rs.getString("outcome");
        java.sql.Date appointment = rs.getDate("appointment_date");
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Waiting(rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"), rs.getString("receiving_agency"),
                rs.getString("procedure_name"), rs.getString("applicant_name"), rs.getString("business_name"),
                delivery == null ? null : ResultDelivery.valueOf(delivery), outcome == null ? null : DossierOutcome.valueOf(outcome),
                appointment == null ? null : appointment.toLocalDate(), rs.getBoolean("late"),
                resolved == null ? null : resolved.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
