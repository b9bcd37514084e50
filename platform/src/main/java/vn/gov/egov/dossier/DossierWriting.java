package vn.gov.egov.dossier;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.database.TransactionMemory;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.PhoneNumber;

/**
 * Writes dossiers, in the caller's transaction: the row with its personal data sealed, its documents into the central
 * repository, the timeline, and the event. Every channel goes through here, so all are recorded alike.
 */
@Component
class DossierWriting {

    static final String FORM = "dossier.dossier.form";
    static final String APPLICANT_ID = "dossier.dossier.applicant_id";
    static final String APPLICANT_PHONE = "dossier.dossier.applicant_phone";
    static final String DELIVERY_ADDRESS = "dossier.dossier.delivery_address";
    static final String APPLICANT_ADDRESS = "dossier.dossier.applicant_address";

    /** The applicant as recorded on the dossier, in clear (sealed when written). */
    record Applicant(UUID account, String name, String personalId, String phone, String email, String address, String businessTaxCode,
                     String businessName) {
    }

    private final DossierStore store;
    private final DossierFiles files;
    private final PersonalDataProtection protection;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    /** The dossiers created in the current transaction, by code. */
    private final TransactionMemory<Map<String, DossierRecord>> created = new TransactionMemory<>(() -> new HashMap<>(2));

    DossierWriting(DossierStore store, DossierFiles files, PersonalDataProtection protection, ApplicationEventPublisher events,
                   ObjectMapper json) {
        this.store = store;
        this.files = files;
        this.protection = protection;
        this.events = events;
        this.json = json;
    }

    DossierRecord create(UUID id, DossierCode code, SubmissionChecks.Passed passed, Applicant applicant, DossierChannel channel,
                         String externalReference, String idempotencyKey, String requestHash, ResultDelivery delivery,
                         String deliveryAddress, Instant now, Instant receptionDue, boolean demonstration) {
        String personalId = applicant.personalId() == null || applicant.personalId().isBlank() ? null
                : PersonalIdentificationNumber.of(applicant.personalId()).value();
        String phone = normalisedPhone(applicant.phone());
        DossierRecord record = new DossierRecord(id, code.toString(), DossierStatus.SUBMITTED, channel, passed.procedure().code(),
                passed.procedure().name(), passed.agencyCode(), passed.form() == null ? null : passed.form().version(),
                passed.filledForm() == null ? null : protection.seal(FORM, json.writeValueAsString(passed.filledForm())),
                applicant.account(), applicant.name().strip(), protection.seal(APPLICANT_ID, personalId),
                protection.seal(APPLICANT_PHONE, phone), blankToNull(applicant.email()),
                protection.seal(APPLICANT_ADDRESS, blankToNull(applicant.address())), blankToNull(applicant.businessTaxCode()),
                blankToNull(applicant.businessName()), delivery, protection.seal(DELIVERY_ADDRESS, blankToNull(deliveryAddress)),
                externalReference, idempotencyKey, requestHash, passed.procedure().processingTime().value(),
                passed.procedure().processingTime().unit().name(), now, receptionDue, null, null, null, null, now, demonstration);
        store.insert(record, personalIdLookup(personalId));
        created.current().ifPresent(dossiers -> dossiers.put(record.code(), record));
        return record;
    }

    /**
     * The dossier as this transaction created it, without reading it back: the applicant's notification, sent from a
     * listener in the same transaction, needs only what creation fixes (the applicant and the code). Empty for a dossier
     * created earlier, or outside a transaction.
     */
    Optional<DossierRecord> createdNow(String code) {
        return created.existing().map(dossiers -> dossiers.get(code));
    }

    /** Stores each of a new dossier's attachments once in the central repository and lists them from position 1. */
    void attachToNew(DossierRecord d, List<SubmissionChecks.Attachment> attachments, String provenanceChannel, String addedBy,
                     Instant now) {
        attach(d, attachments, provenanceChannel, 0, addedBy, now, 1);
    }

    /** Stores each supplemented attachment once in the central repository and lists it after the dossier's others. */
    void attach(DossierRecord d, List<SubmissionChecks.Attachment> attachments, String provenanceChannel, int round, String addedBy,
                Instant now) {
        attach(d, attachments, provenanceChannel, round, addedBy, now, store.nextDocumentPosition(d.id()));
    }

    private void attach(DossierRecord d, List<SubmissionChecks.Attachment> attachments, String provenanceChannel, int round,
                        String addedBy, Instant now, int firstPosition) {
        int position = firstPosition;
        for (SubmissionChecks.Attachment a : attachments) {
            StoredFile stored = a.file() != null ? files.store(a.file(), new Provenance(provenanceChannel, d.code(), addedBy)) : a.stored();
            String source = a.file() != null ? provenanceChannel : "PERSONAL_STORE";
            store.insertDocument(d.id(), new DossierDocument(position++, a.requiredDocument(), a.fileName(), stored.sha256(),
                    stored.mediaType(), stored.size(), stored.pages(), source, round, now),
                    a.personal() == null ? null : a.personal().id(), addedBy);
        }
    }

    /** Stores a paper the platform issued. */
    DossierPaper issuePaper(DossierRecord d, String kind, int round, byte[] pdf, String issuedBy, Instant now) {
        vn.gov.egov.attachment.CheckedFile checked = files.check(new vn.gov.egov.attachment.Upload(kind, kind.toLowerCase() + "-"
                + d.code() + ".pdf", "application/pdf", pdf));
        StoredFile stored = files.store(checked, new Provenance("ISSUED", d.code(), issuedBy));
        DossierPaper paper = new DossierPaper(kind, round, stored.sha256(), now, issuedBy);
        store.insertPaper(d.id(), paper);
        return paper;
    }

    void step(DossierRecord d, Instant at, String action, DossierStatus status, String actor, String actorKind, String note,
              Object details) {
        store.insertStep(d.id(), at, action, status, actor, actorKind, note, details == null ? null : json.writeValueAsString(details));
    }

    void publish(DossierRecord d, DossierStatus status, DossierStatus previous, String action, Instant at,
                 java.time.LocalDate appointment, String note) {
        events.publishEvent(new DossierStatusChanged(d.id(), d.code(), d.procedureCode(), d.procedureName(), d.receivingAgency(),
                d.channel(), status, previous, action, at, appointment, d.externalReference(), d.applicantAccount(), note));
    }

    /** A move of processing: with the due time, the outcome and whether the dossier counts as late. */
    void publish(DossierRecord d, DossierStatus status, DossierStatus previous, String action, Instant at,
                 java.time.LocalDate appointment, String note, Instant dueAt, DossierOutcome outcome, boolean late) {
        events.publishEvent(new DossierStatusChanged(d.id(), d.code(), d.procedureCode(), d.procedureName(), d.receivingAgency(),
                d.channel(), status, previous, action, at, appointment, d.externalReference(), d.applicantAccount(), note,
                dueAt, outcome, late));
    }

    void publishRating(DossierRecord d, int rating, Instant at) {
        events.publishEvent(new DossierRated(d.id(), d.code(), d.procedureCode(), d.receivingAgency(), rating, at));
    }

    /** The blind index of a personal identification number, as dossiers are looked up by it. */
    String personalIdLookup(String personalId) {
        if (personalId == null || personalId.isBlank()) {
            return null;
        }
        return protection.lookupKey(APPLICANT_ID, PersonalIdentificationNumber.of(personalId).value());
    }

    JsonNode openForm(DossierRecord d) {
        return d.formSealed() == null ? null : json.readTree(protection.open(FORM, d.formSealed()));
    }

    String sealForm(JsonNode form) {
        return form == null ? null : protection.seal(FORM, json.writeValueAsString(form));
    }

    String maskedPersonalId(DossierRecord d) {
        String id = protection.open(APPLICANT_ID, d.applicantIdSealed());
        return id == null ? null : PersonalIdentificationNumber.of(id).masked();
    }

    String maskedPhone(DossierRecord d) {
        String phone = protection.open(APPLICANT_PHONE, d.applicantPhoneSealed());
        return phone == null ? null : PhoneNumber.of(phone).masked();
    }

    String phone(DossierRecord d) {
        return protection.open(APPLICANT_PHONE, d.applicantPhoneSealed());
    }

    String applicantAddress(DossierRecord d) {
        return protection.open(APPLICANT_ADDRESS, d.applicantAddressSealed());
    }

    String deliveryAddress(DossierRecord d) {
        return protection.open(DELIVERY_ADDRESS, d.deliveryAddressSealed());
    }

    private static String normalisedPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            return PhoneNumber.of(phone).value();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
