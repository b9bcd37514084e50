package vn.gov.egov.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The module's tables: dossier, dossier_document, dossier_paper, dossier_step. */
@Repository
class DossierStore {

    private final JdbcClient jdbc;

    DossierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the requests of one applicant with one idempotency key, until the transaction ends. */
    void lockIdempotencyKey(String owner, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 60))").param("k", owner + "/" + key)
                .query((rs, n) -> 1).list();
    }

    Optional<DossierRecord> byIdempotencyKey(UUID account, String key) {
        return jdbc.sql("select * from dossier where applicant_account = ? and idempotency_key = ?").params(account, key)
                .query(DossierStore::record).optional();
    }

    Optional<DossierRecord> byExternalReference(DossierChannel channel, String reference) {
        return jdbc.sql("select * from dossier where channel = ? and external_reference = ?").params(channel.name(), reference)
                .query(DossierStore::record).optional();
    }

    Optional<String> applicantLookup(UUID dossierId) {
        return jdbc.sql("select applicant_id_lookup from dossier where id = ?").param(dossierId).query(String.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    Optional<DossierRecord> byCode(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code).query(DossierStore::record).optional();
    }

    /** The row locked for update: every decision on a dossier takes this first, so two officers cannot both decide. */
    Optional<DossierRecord> byCodeForUpdate(String code) {
        return jdbc.sql("select * from dossier where code = ? for update").param(code).query(DossierStore::record).optional();
    }

    Optional<DossierRecord> byId(UUID id) {
        return jdbc.sql("select * from dossier where id = ?").param(id).query(DossierStore::record).optional();
    }

    Optional<DossierRecord> byIdForUpdate(UUID id) {
        return jdbc.sql("select * from dossier where id = ? for update").param(id).query(DossierStore::record).optional();
    }

    Optional<DossierProgress.Clock> clock(UUID id) {
        return jdbc.sql("""
                select received_at, due_at, appointment_date, clock_stopped_at, late, rescheduled, outcome, resolved_at, returned_at, result_id
                from dossier where id = ?""").param(id).query((rs, n) -> new DossierProgress.Clock(instant(rs, "received_at"),
                instant(rs, "due_at"), rs.getObject("appointment_date", LocalDate.class), instant(rs, "clock_stopped_at"),
                rs.getBoolean("late"), rs.getInt("rescheduled"),
                rs.getString("outcome") == null ? null : DossierOutcome.valueOf(rs.getString("outcome")),
                instant(rs, "resolved_at"), instant(rs, "returned_at"), rs.getObject("result_id", UUID.class))).optional();
    }

    void startProcessing(UUID id, Instant at) {
        jdbc.sql("""
                update dossier set status = 'IN_PROGRESS', processing_started_at = :at, updated_at = :at, row_version = row_version + 1
                where id = :id""").param("at", timestamp(at)).param("id", id).update();
    }

    void stopClock(UUID id, Instant at) {
        jdbc.sql("""
                update dossier set status = 'AWAITING_SUPPLEMENT', clock_stopped_at = :at, updated_at = :at,
                    row_version = row_version + 1 where id = :id""").param("at", timestamp(at)).param("id", id).update();
    }

    void restartClock(UUID id, Instant at, Instant dueAt, LocalDate appointment, String formSealed) {
        jdbc.sql("""
                update dossier set status = 'IN_PROGRESS', clock_stopped_at = null, due_at = :due, appointment_date = :appointment,
                    form_sealed = coalesce(:form, form_sealed), updated_at = :at, row_version = row_version + 1 where id = :id""")
                .param("due", timestamp(dueAt)).param("appointment", appointment).param("form", formSealed)
                .param("at", timestamp(at)).param("id", id).update();
    }

    void reschedule(UUID id, Instant at, Instant dueAt, LocalDate appointment) {
        jdbc.sql("""
                update dossier set due_at = :due, appointment_date = :appointment, late = true, rescheduled = rescheduled + 1,
                    updated_at = :at, row_version = row_version + 1 where id = :id""")
                .param("due", timestamp(dueAt)).param("appointment", appointment).param("at", timestamp(at)).param("id", id).update();
    }

    void resolve(UUID id, Instant at, DossierOutcome outcome, UUID resultId, boolean late) {
        jdbc.sql("""
                update dossier set status = 'RESOLVED', outcome = :outcome, result_id = :result, resolved_at = :at,
                    late = late or :late, updated_at = :at, row_version = row_version + 1 where id = :id""")
                .param("outcome", outcome.name()).param("result", resultId).param("at", timestamp(at)).param("late", late)
                .param("id", id).update();
    }

    void markReturned(UUID id, Instant at, ResultDelivery how, String to) {
        jdbc.sql("""
                update dossier set status = 'RETURNED', returned_at = :at, returned_how = :how, returned_to = :to, closed_at = :at,
                    updated_at = :at, row_version = row_version + 1 where id = :id""")
                .param("at", timestamp(at)).param("how", how.name()).param("to", to).param("id", id).update();
    }

    /** Records the rating once: false when the dossier was rated already. */
    boolean rate(UUID id, int rating, String comment, Instant at) {
        return jdbc.sql("""
                update dossier set rating = :rating, rating_comment = :comment, rated_at = :at, updated_at = :at
                where id = :id and rating is null""")
                .param("rating", rating).param("comment", comment).param("at", timestamp(at)).param("id", id).update() == 1;
    }

    void insert(DossierRecord d, String applicantIdLookup) {
        jdbc.sql("""
                insert into dossier (id, code, status, channel, procedure_code, procedure_name, receiving_agency, form_version,
                    form_sealed, applicant_account, applicant_name, applicant_id_sealed, applicant_id_lookup, applicant_phone_sealed,
                    applicant_email, applicant_address_sealed, business_tax_code, business_name, result_delivery, delivery_address_sealed, external_reference,
                    idempotency_key, request_hash, processing_time_value, processing_time_unit, submitted_at, reception_due_at,
                    demonstration)
                values (:id, :code, :status, :channel, :procedureCode, :procedureName, :agency, :formVersion, :form, :account, :name,
                    :idSealed, :idLookup, :phone, :email, :applicantAddress, :taxCode, :businessName, :delivery, :address, :external, :key, :hash,
                    :ptValue, :ptUnit, :submittedAt, :receptionDueAt, :demonstration)""")
                .param("id", d.id()).param("code", d.code()).param("status", d.status().name()).param("channel", d.channel().name())
                .param("procedureCode", d.procedureCode()).param("procedureName", d.procedureName())
                .param("agency", d.receivingAgency()).param("formVersion", d.formVersion()).param("form", d.formSealed())
                .param("account", d.applicantAccount()).param("name", d.applicantName()).param("idSealed", d.applicantIdSealed())
                .param("idLookup", applicantIdLookup).param("phone", d.applicantPhoneSealed()).param("email", d.applicantEmail()).param("applicantAddress", d.applicantAddressSealed())
                .param("taxCode", d.businessTaxCode()).param("businessName", d.businessName())
                .param("delivery", d.resultDelivery().name()).param("address", d.deliveryAddressSealed())
                .param("external", d.externalReference()).param("key", d.idempotencyKey()).param("hash", d.requestHash())
                .param("ptValue", d.processingTimeValue()).param("ptUnit", d.processingTimeUnit())
                .param("submittedAt", timestamp(d.submittedAt())).param("receptionDueAt", timestamp(d.receptionDueAt()))
                .param("demonstration", d.demonstration())
                .update();
    }

    void changeStatus(UUID id, DossierStatus status, Instant at) {
        jdbc.sql("update dossier set status = ?, updated_at = ?, row_version = row_version + 1 where id = ?")
                .params(status.name(), timestamp(at), id).update();
    }

    void markReceived(UUID id, Instant receivedAt, String officer, Instant dueAt, LocalDate appointment) {
        jdbc.sql("""
                update dossier set status = 'RECEIVED', received_at = :at, received_by = :officer, due_at = :due,
                    appointment_date = :appointment, updated_at = :at, row_version = row_version + 1 where id = :id""")
                .param("at", timestamp(receivedAt)).param("officer", officer).param("due", timestamp(dueAt))
                .param("appointment", appointment).param("id", id).update();
    }

    void close(UUID id, DossierStatus status, Instant at) {
        jdbc.sql("update dossier set status = ?, closed_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?")
                .params(status.name(), timestamp(at), timestamp(at), id).update();
    }

    void backToQueue(UUID id, Instant at, Instant receptionDueAt, String formSealed, Integer formVersion) {
        jdbc.sql("""
                update dossier set status = 'SUBMITTED', reception_due_at = :due, updated_at = :at,
                    form_sealed = coalesce(:form, form_sealed), form_version = coalesce(:version, form_version),
                    row_version = row_version + 1 where id = :id""")
                .param("due", timestamp(receptionDueAt)).param("at", timestamp(at)).param("form", formSealed)
                .param("version", formVersion).param("id", id).update();
    }

    int nextDocumentPosition(UUID dossierId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from dossier_document where dossier_id = ?").param(dossierId)
                .query(Integer.class).single();
    }

    void insertDocument(UUID dossierId, DossierDocument doc, UUID personalDocument, String addedBy) {
        jdbc.sql("""
                insert into dossier_document (dossier_id, position, required_document, file_name, sha256, media_type, size_bytes,
                    pages, source, personal_document, supplement_round, added_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, doc.position(), doc.requiredDocument(), doc.fileName(), doc.sha256(), doc.mediaType(),
                        doc.size(), doc.pages(), doc.source(), personalDocument, doc.supplementRound(), timestamp(doc.addedAt()), addedBy)
                .update();
    }

    List<DossierDocument> documents(UUID dossierId) {
        return jdbc.sql("select * from dossier_document where dossier_id = ? order by position").param(dossierId)
                .query((rs, n) -> new DossierDocument(rs.getInt("position"), rs.getString("required_document"),
                        rs.getString("file_name"), rs.getString("sha256"), rs.getString("media_type"), rs.getLong("size_bytes"),
                        (Integer) rs.getObject("pages"), rs.getString("source"), rs.getInt("supplement_round"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    void insertPaper(UUID dossierId, DossierPaper paper) {
        jdbc.sql("""
                insert into dossier_paper (dossier_id, kind, round, sha256, issued_at, issued_by) values (?, ?, ?, ?, ?, ?)
                on conflict (dossier_id, kind, round) do nothing""")
                .params(dossierId, paper.kind(), paper.round(), paper.sha256(), timestamp(paper.issuedAt()), paper.issuedBy())
                .update();
    }

    List<DossierPaper> papers(UUID dossierId) {
        return jdbc.sql("select * from dossier_paper where dossier_id = ? order by issued_at, kind").param(dossierId)
                .query((rs, n) -> new DossierPaper(rs.getString("kind"), rs.getInt("round"), rs.getString("sha256"),
                        rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by")))
                .list();
    }

    int papersOfKind(UUID dossierId, String kind) {
        return jdbc.sql("select count(*) from dossier_paper where dossier_id = ? and kind = ?").params(dossierId, kind)
                .query(Integer.class).single();
    }

    /** Whether the content belongs to the dossier, as a document or as a paper. */
    boolean holds(UUID dossierId, String sha256) {
        return jdbc.sql("""
                select exists (select 1 from dossier_document where dossier_id = :id and sha256 = :h)
                    or exists (select 1 from dossier_paper where dossier_id = :id and sha256 = :h)""")
                .param("id", dossierId).param("h", sha256).query(Boolean.class).single();
    }

    void insertStep(UUID dossierId, Instant at, String action, DossierStatus status, String actor, String actorKind,
                    String note, String detailsJson) {
        jdbc.sql("""
                insert into dossier_step (dossier_id, seq, at, action, status, actor, actor_kind, note, details)
                values (:id, (select coalesce(max(seq), 0) + 1 from dossier_step where dossier_id = :id), :at, :action, :status,
                        :actor, :kind, :note, cast(:details as jsonb))""")
                .param("id", dossierId).param("at", timestamp(at)).param("action", action).param("status", status.name())
                .param("actor", actor).param("kind", actorKind).param("note", note).param("details", detailsJson)
                .update();
    }

    List<DossierStep> steps(UUID dossierId) {
        return jdbc.sql("select * from dossier_step where dossier_id = ? order by seq").param(dossierId)
                .query((rs, n) -> new DossierStep(rs.getInt("seq"), rs.getTimestamp("at").toInstant(), rs.getString("action"),
                        DossierStatus.valueOf(rs.getString("status")), rs.getString("actor"), rs.getString("actor_kind"),
                        rs.getString("note")))
                .list();
    }

    /** The details (JSON) of the dossier's last step of this action. */
    Optional<String> lastStepDetails(UUID dossierId, String action) {
        return jdbc.sql("select details::text from dossier_step where dossier_id = ? and action = ? order by seq desc limit 1")
                .params(dossierId, action).query(String.class).optional();
    }

    /**
     * The applicant's dossiers: submitted from their account, for a business they represent, or under their personal
     * identification number through another channel (at the desk, by post, on the national portal).
     */
    List<DossierRecord> ofApplicant(UUID account, String personalIdLookup, Collection<String> taxCodes, int limit) {
        return jdbc.sql("""
                select * from dossier where status <> 'DRAFT' and (applicant_account = :account
                    or (:lookup is not null and applicant_id_lookup = :lookup)
                    or (business_tax_code is not null and business_tax_code = any (string_to_array(:taxCodes, ','))))
                order by coalesce(submitted_at, created_at) desc limit :limit""")
                .param("account", account).param("lookup", personalIdLookup).param("taxCodes", String.join(",", taxCodes))
                .param("limit", limit).query(DossierStore::record).list();
    }

    List<DossierRecord> queue(Collection<String> agencies, int limit) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from dossier where status = 'SUBMITTED' and receiving_agency = any (string_to_array(:agencies, ','))
                order by reception_due_at, submitted_at limit :limit""")
                .param("agencies", String.join(",", agencies)).param("limit", limit)
                .query(DossierStore::record).list();
    }

    List<DossierRecord> sentBack(Collection<String> agencies, int limit) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from dossier where status = 'SUPPLEMENT_REQUESTED' and receiving_agency = any (string_to_array(:agencies, ','))
                order by updated_at limit :limit""")
                .param("agencies", String.join(",", agencies)).param("limit", limit)
                .query(DossierStore::record).list();
    }

    private static DossierRecord record(ResultSet rs, int row) throws SQLException {
        return new DossierRecord(rs.getObject("id", UUID.class), rs.getString("code"), DossierStatus.valueOf(rs.getString("status")),
                DossierChannel.valueOf(rs.getString("channel")), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getString("receiving_agency"), (Integer) rs.getObject("form_version"), rs.getString("form_sealed"),
                rs.getObject("applicant_account", UUID.class), rs.getString("applicant_name"), rs.getString("applicant_id_sealed"),
                rs.getString("applicant_phone_sealed"), rs.getString("applicant_email"), rs.getString("applicant_address_sealed"), rs.getString("business_tax_code"),
                rs.getString("business_name"), ResultDelivery.valueOf(rs.getString("result_delivery")),
                rs.getString("delivery_address_sealed"), rs.getString("external_reference"), rs.getString("idempotency_key"),
                rs.getString("request_hash"), (Integer) rs.getObject("processing_time_value"), rs.getString("processing_time_unit"),
                instant(rs, "submitted_at"), instant(rs, "reception_due_at"), instant(rs, "received_at"), rs.getString("received_by"),
                instant(rs, "due_at"), rs.getObject("appointment_date", LocalDate.class), instant(rs, "updated_at"),
                rs.getBoolean("demonstration"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
