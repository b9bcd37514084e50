package vn.gov.egov.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The citizens' dossier drafts on the portal (tables dossier_draft, dossier_draft_document): what they filled so far,
 * their files kept in the central repository. A draft is only ever read for its own account.
 */
@Repository
class DossierDrafts {

    static final String FORM = "dossier.dossier_draft.form";
    static final String DELIVERY_ADDRESS = "dossier.dossier_draft.delivery_address";

    /** A document kept for one required document: a file of the central repository or a personal document. */
    record DraftDocument(String requiredDocument, String sha256, String fileName, String mediaType, UUID personalDocumentId) {

        static DraftDocument file(String requiredDocument, String sha256, String fileName, String mediaType) {
            return new DraftDocument(requiredDocument, sha256, fileName, mediaType, null);
        }

        static DraftDocument personal(String requiredDocument, UUID personalDocumentId, String title) {
            return new DraftDocument(requiredDocument, null, title, null, personalDocumentId);
        }
    }

    /** A draft; {@code submittedCode} once it became a dossier (its content is gone then). */
    record Draft(UUID id, UUID account, String procedureCode, String agencyCode, String businessTaxCode, JsonNode form,
                 ResultDelivery resultDelivery, String deliveryAddress, List<DraftDocument> documents, String submittedCode,
                 Instant createdAt, Instant updatedAt) {

        Draft {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        Optional<DraftDocument> document(String requiredDocument) {
            return documents.stream().filter(d -> d.requiredDocument().equals(requiredDocument)).findFirst();
        }

        Draft with(String agency, String taxCode, JsonNode filled, ResultDelivery delivery, String address, List<DraftDocument> docs) {
            return new Draft(id, account, procedureCode, agency, taxCode, filled, delivery, address, docs, submittedCode, createdAt, updatedAt);
        }
    }

    record DraftSummary(UUID id, String procedureCode, Instant createdAt, Instant updatedAt) {
    }

    /** The channel of the files a citizen uploads into a draft, in the central repository. */
    static final String DRAFT_CHANNEL = "DRAFT";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final ObjectMapper json;
    private final DossierFiles files;

    DossierDrafts(JdbcClient jdbc, PersonalDataProtection protection, ObjectMapper json, DossierFiles files) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.json = json;
        this.files = files;
    }

    UUID create(UUID account, String procedureCode, JsonNode form, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into dossier_draft (id, account, procedure_code, form_sealed, result_delivery, created_at, updated_at)
                values (:id, :account, :procedure, :form, :delivery, :now, :now)""")
                .param("id", id).param("account", account).param("procedure", procedureCode).param("form", sealForm(form))
                .param("delivery", ResultDelivery.ONLINE.name()).param("now", java.sql.Timestamp.from(now)).update();
        return id;
    }

    /** The draft when it is the account's; empty for anyone else's. */
    Optional<Draft> find(UUID account, UUID id) {
        return jdbc.sql("select * from dossier_draft where id = ? and account = ?").params(id, account)
                .query(this::draft).optional()
                .map(d -> d.with(d.agencyCode(), d.businessTaxCode(), d.form(), d.resultDelivery(), d.deliveryAddress(), documents(d.id())));
    }

    /** The account's drafts not yet submitted, last changed first. */
    List<DraftSummary> of(UUID account) {
        return jdbc.sql("""
                select id, procedure_code, created_at, updated_at from dossier_draft
                 where account = ? and submitted_code is null order by updated_at desc limit 200""").param(account)
                .query((rs, n) -> new DraftSummary(rs.getObject("id", UUID.class), rs.getString("procedure_code"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant())).list();
    }

    /**
     * Saves what the citizen filled; a file no longer in the draft (replaced, removed) is released in the central
     * repository. Call it in the transaction that stored the draft's new files.
     */
    void save(Draft d, Instant now) {
        List<DraftDocument> released = new ArrayList<>(documents(d.id()));
        d.documents().forEach(released::remove);
        release(d.account(), released);
        jdbc.sql("""
                update dossier_draft set agency_code = :agency, business_tax_code = :taxCode, form_sealed = :form,
                       result_delivery = :delivery, delivery_address_sealed = :address, updated_at = :now
                 where id = :id and account = :account and submitted_code is null""")
                .param("agency", d.agencyCode()).param("taxCode", d.businessTaxCode()).param("form", sealForm(d.form()))
                .param("delivery", d.resultDelivery() == null ? null : d.resultDelivery().name())
                .param("address", d.deliveryAddress() == null || d.deliveryAddress().isBlank() ? null
                        : protection.seal(DELIVERY_ADDRESS, d.deliveryAddress()))
                .param("now", java.sql.Timestamp.from(now)).param("id", d.id()).param("account", d.account()).update();
        jdbc.sql("delete from dossier_draft_document where draft_id = ?").param(d.id()).update();
        for (DraftDocument doc : d.documents()) {
            jdbc.sql("""
                    insert into dossier_draft_document (draft_id, required_document, sha256, file_name, media_type, personal_document_id)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), doc.requiredDocument(), doc.sha256(), doc.fileName(), doc.mediaType(), doc.personalDocumentId()).update();
        }
    }

    /** The draft became a dossier: its content is deleted, the code kept for a repeated submit. */
    void submitted(UUID id, String code, Instant now) {
        jdbc.sql("delete from dossier_draft_document where draft_id = ?").param(id).update();
        jdbc.sql("""
                update dossier_draft set submitted_code = :code, form_sealed = null, delivery_address_sealed = null,
                       agency_code = null, business_tax_code = null, updated_at = :now where id = :id""")
                .param("code", code).param("now", java.sql.Timestamp.from(now)).param("id", id).update();
    }

    /** Deletes a draft not yet submitted, and releases its files in the central repository. */
    @Transactional
    boolean delete(UUID account, UUID id) {
        List<DraftDocument> documents = jdbc.sql("select 1 from dossier_draft where id = ? and account = ? and submitted_code is null for update")
                .params(id, account).query((rs, n) -> 1).optional().map(x -> documents(id)).orElse(null);
        if (documents == null) {
            return false;
        }
        release(account, documents);
        jdbc.sql("delete from dossier_draft_document where draft_id = ?").param(id).update();
        return jdbc.sql("delete from dossier_draft where id = ? and account = ?").params(id, account).update() > 0;
    }

    private void release(UUID account, List<DraftDocument> documents) {
        for (DraftDocument document : documents) {
            if (document.sha256() != null) {
                files.release(document.sha256(), new Provenance(DRAFT_CHANNEL, null, account.toString()));
            }
        }
    }

    private List<DraftDocument> documents(UUID draftId) {
        return jdbc.sql("select * from dossier_draft_document where draft_id = ? order by required_document").param(draftId)
                .query((rs, n) -> new DraftDocument(rs.getString("required_document"), rs.getString("sha256"),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getObject("personal_document_id", UUID.class)))
                .list();
    }

    private Draft draft(ResultSet rs, int n) throws SQLException {
        String form = rs.getString("form_sealed");
        String address = rs.getString("delivery_address_sealed");
        String delivery = rs.getString("result_delivery");
        return new Draft(rs.getObject("id", UUID.class), rs.getObject("account", UUID.class), rs.getString("procedure_code"),
                rs.getString("agency_code"), rs.getString("business_tax_code"),
                form == null ? null : json.readTree(protection.open(FORM, form)),
                delivery == null ? null : ResultDelivery.valueOf(delivery),
                address == null ? null : protection.open(DELIVERY_ADDRESS, address), List.of(), rs.getString("submitted_code"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private String sealForm(JsonNode form) {
        return form == null || form.isNull() ? null : protection.seal(FORM, json.writeValueAsString(form));
    }
}
