package vn.gov.egov.postal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shipments of results ({@code postal_shipment}): the outbox of shipments to create and their tracking. */
@Repository
class ShipmentLog {

    static final List<String> FINAL = List.of("DELIVERED", "RETURNED_TO_SENDER", "CANCELLED");

    /** One dossier's shipment. {@code tracking}: VNPost's events as JSON. */
    record Shipment(UUID dossierId, String dossierCode, String agencyCode, String recipientName, String addressSealed,
                    String itemNumber, String state, String tracking, int attempts, String lastError, Instant createdAt,
                    Instant shippedAt, Instant returnRecordedAt, Instant lastTrackedAt) {

        public boolean delivered() { // public for the page (SpEL)
            return "DELIVERED".equals(state);
        }
    }

    private final JdbcClient jdbc;

    ShipmentLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enters a shipment to create; false when the dossier has one already. */
    boolean enter(UUID dossierId, String code, String agency, String recipientName, String addressSealed, Instant now) {
        return jdbc.sql("""
                insert into postal_shipment (dossier_id, dossier_code, agency_code, recipient_name, address_sealed, state, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (dossier_id) do nothing""")
                .params(dossierId, code, agency, recipientName, addressSealed, ts(now), ts(now)).update() == 1;
    }

    Optional<Shipment> find(UUID dossierId) {
        return jdbc.sql("select * from postal_shipment where dossier_id = ?").param(dossierId).query(ShipmentLog::shipment).optional();
    }

    void shipped(UUID dossierId, String itemNumber, String state, Instant now) {
        jdbc.sql("""
                update postal_shipment set item_number = ?, state = ?, shipped_at = coalesce(shipped_at, ?), last_error = null,
                    attempts = attempts + 1, updated_at = ? where dossier_id = ?""")
                .params(itemNumber, state, ts(now), ts(now), dossierId).update();
    }

    void returnRecorded(UUID dossierId, Instant now) {
        jdbc.sql("update postal_shipment set return_recorded_at = coalesce(return_recorded_at, ?), last_error = null, updated_at = ? where dossier_id = ?")
                .params(ts(now), ts(now), dossierId).update();
    }

    void failed(UUID dossierId, String error, Instant now) {
        jdbc.sql("update postal_shipment set attempts = attempts + 1, last_error = ?, updated_at = ? where dossier_id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, ts(now), dossierId).update();
    }

    void cancelled(UUID dossierId, String reason, Instant now) {
        jdbc.sql("update postal_shipment set state = 'CANCELLED', last_error = ?, updated_at = ? where dossier_id = ? and item_number is null")
                .params(reason, ts(now), dossierId).update();
    }

    void tracked(UUID dossierId, String state, String tracking, Instant now) {
        jdbc.sql("update postal_shipment set state = ?, tracking = ?, last_tracked_at = ?, updated_at = ? where dossier_id = ?")
                .params(state, tracking, ts(now), ts(now), dossierId).update();
    }

    /** Shipments not created yet, or created without the dossier's return recorded: to try again. */
    List<Shipment> unfinished(int limit) {
        return jdbc.sql("""
                select * from postal_shipment
                where state = 'PENDING' or (item_number is not null and return_recorded_at is null and state <> 'CANCELLED')
                order by updated_at limit ?""").param(limit).query(ShipmentLog::shipment).list();
    }

    /** Shipments on their way: to follow. */
    List<Shipment> onTheirWay(int limit) {
        return jdbc.sql("""
                select * from postal_shipment where item_number is not null and state in ('ACCEPTED', 'IN_TRANSIT')
                order by coalesce(last_tracked_at, shipped_at) limit ?""").param(limit).query(ShipmentLog::shipment).list();
    }

    List<Shipment> recent(int limit) {
        return jdbc.sql("select * from postal_shipment order by created_at desc, dossier_code limit ?").param(limit)
                .query(ShipmentLog::shipment).list();
    }

    private static Shipment shipment(ResultSet rs, int row) throws SQLException {
        return new Shipment(rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"), rs.getString("agency_code"),
                rs.getString("recipient_name"), rs.getString("address_sealed"), rs.getString("item_number"), rs.getString("state"),
                rs.getString("tracking"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "shipped_at"), instant(rs, "return_recorded_at"), instant(rs, "last_tracked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
