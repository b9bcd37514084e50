package vn.gov.egov.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.procedure.Fee;

/** The payment tables. */
@Component
class PaymentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, dossier_id, dossier_code, procedure_code, procedure_name, agency_code, fees, amount, state, requested_by,
            requested_at, updated_at, attempts, transaction_id, paid_at, confirmed_by, receipt_number, receipt_sha256""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the dossier already has a payment that is not cancelled; true when inserted. */
    boolean insertIfNoneOpen(Payment p) {
        return jdbc.sql("""
                        INSERT INTO payment (id, dossier_id, dossier_code, procedure_code, procedure_name, agency_code, fees, amount,
                                             state, requested_by, requested_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?, ?)
                        ON CONFLICT (dossier_id) WHERE state <> 'CANCELLED' DO NOTHING""")
                .params(p.id(), p.dossierId(), p.dossierCode(), p.procedureCode(), p.procedureName(), p.agencyCode(),
                        JSON.writeValueAsString(p.fees()), p.amount(), p.state().name(), p.requestedBy(),
                        Timestamp.from(p.requestedAt()), Timestamp.from(p.updatedAt()))
                .update() == 1;
    }

    Optional<Payment> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ?").param(id).query(PaymentStore::payment).optional();
    }

    /** Locks the payment until the transaction ends: notifications of one order are handled one at a time. */
    Optional<Payment> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ? FOR UPDATE").param(id).query(PaymentStore::payment).optional();
    }

    /** The dossier's payment that is not cancelled, locked. */
    Optional<Payment> lockOpen(UUID dossierId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE dossier_id = ? AND state <> 'CANCELLED' FOR UPDATE")
                .param(dossierId).query(PaymentStore::payment).optional();
    }

    /** Every payment of the dossier, the current one first, then the newest. */
    List<Payment> ofDossier(String dossierCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE dossier_code = ? "
                        + "ORDER BY (state = 'CANCELLED'), requested_at DESC").param(dossierCode).query(PaymentStore::payment).list();
    }

    Map<UUID, PaymentState> statesOf(Collection<UUID> dossierIds) {
        Map<UUID, PaymentState> states = new LinkedHashMap<>();
        if (dossierIds.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (dossier_id) dossier_id, state FROM payment WHERE dossier_id = ANY(?)
                        ORDER BY dossier_id, (state = 'CANCELLED'), requested_at DESC""")
                .param(dossierIds.toArray(UUID[]::new))
                .query((rs, n) -> states.put(rs.getObject(1, UUID.class), PaymentState.valueOf(rs.getString(2)))).list();
        return states;
    }

    long paidBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE state = 'PAID' AND paid_at >= ? AND paid_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }

    /** Payments paid on a day (Vietnam time). */
    List<Payment> paidOn(LocalDate day) {
        Instant from = day.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE state = 'PAID' AND paid_at >= ? AND paid_at < ? ORDER BY paid_at")
                .params(Timestamp.from(from), Timestamp.from(to)).query(PaymentStore::payment).list();
    }

    void cancel(UUID id, Instant at) {
        jdbc.sql("UPDATE payment SET state = 'CANCELLED', updated_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    void redirected(UUID id, Instant at) {
        jdbc.sql("UPDATE payment SET state = 'PENDING', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state <> 'PAID' "
                + "AND state <> 'CANCELLED'").params(Timestamp.from(at), id).update();
    }

    void failed(UUID id, Instant at) {
        jdbc.sql("UPDATE payment SET state = 'FAILED', updated_at = ? WHERE id = ? AND state IN ('REQUESTED', 'PENDING')")
                .params(Timestamp.from(at), id).update();
    }

    String nextReceiptNumber(int year) {
        long n = jdbc.sql("SELECT nextval('payment_receipt_number')").query(Long.class).single();
        return "%06d/%d/BLĐT".formatted(n, year);
    }

    void paid(UUID id, String transactionId, Instant paidAt, String confirmedBy, String receiptNumber, String receiptSha256, Instant at) {
        jdbc.sql("""
                        UPDATE payment SET state = 'PAID', transaction_id = ?, paid_at = ?, confirmed_by = ?, receipt_number = ?,
                                           receipt_sha256 = ?, updated_at = ?
                        WHERE id = ?""")
                .params(transactionId, Timestamp.from(paidAt), confirmedBy, receiptNumber, receiptSha256, Timestamp.from(at), id)
                .update();
    }

    /** A signed answer of PayGov and what was made of it. */
    record Answer(UUID paymentId, String orderId, String transactionId, long amount, String status, String source, String outcome,
                  Instant receivedAt) {
    }

    void recordAnswer(Answer a) {
        jdbc.sql("""
                        INSERT INTO payment_notification (payment_id, order_id, transaction_id, amount, status, source, outcome, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.paymentId(), a.orderId(), a.transactionId(), a.amount(), a.status(), a.source(), a.outcome(),
                        Timestamp.from(a.receivedAt()))
                .update();
    }

    List<Answer> answersOf(UUID paymentId) {
        return jdbc.sql("""
                        SELECT payment_id, order_id, transaction_id, amount, status, source, outcome, received_at
                        FROM payment_notification WHERE payment_id = ? ORDER BY id""")
                .param(paymentId)
                .query((rs, n) -> new Answer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        List<Fee> fees = JSON.readValue(rs.getString("fees"), new TypeReference<List<Fee>>() { });
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("agency_code"), fees, rs.getLong("amount"),
                PaymentState.valueOf(rs.getString("state")), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("attempts"), rs.getString("transaction_id"),
                paidAt == null ? null : paidAt.toInstant(), rs.getString("confirmed_by"), rs.getString("receipt_number"),
                rs.getString("receipt_sha256"));
    }
}
