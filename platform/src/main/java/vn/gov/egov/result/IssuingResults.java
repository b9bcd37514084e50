package vn.gov.egov.result;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.attachment.CheckedFile;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.PersonalDocumentKind;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Signature;
import vn.gov.egov.signing.PdfSigning;
import vn.gov.egov.signing.SignedPdf;
import vn.gov.egov.signing.SignerDetails;
import vn.gov.egov.signing.SigningAgency;

/**
 * Issues results: render, sign, then (only then) write everything in one transaction, so a refused signature or a
 * failed store leaves nothing behind.
 */
@Service
class IssuingResults implements Results {

    static final String CHANNEL = "RESULT";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final OfficialPapers papers;
    private final PdfSigning signing;
    private final DossierFiles files;
    private final PersonalDocumentStore personalDocuments;
    private final ResultStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final SharedCatalogs catalogs;
    private final String publicUrl;
    private final String authority;
    private final String place;
    private final Clock clock = Clock.systemUTC();

    IssuingResults(OfficialPapers papers, PdfSigning signing, DossierFiles files, PersonalDocumentStore personalDocuments,
                   ResultStore store, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transaction,
                   SharedCatalogs catalogs,
                   @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${egov.province.name:UBND TỈNH LẠNG SƠN}") String authority,
                   @Value("${egov.province.place:Lạng Sơn}") String place) {
        this.papers = papers;
        this.signing = signing;
        this.files = files;
        this.personalDocuments = personalDocuments;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.catalogs = catalogs;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.authority = authority;
        this.place = place;
    }

    String verificationUrl(UUID resultId) {
        return publicUrl + "/verify/" + resultId;
    }

    @Override
    public IssuedResult issue(ResultIssue issue) {
        UUID id = UUID.randomUUID();
        Instant issuedAt = clock.instant();
        LocalDate issuedOn = issuedAt.atZone(VIETNAM).toLocalDate();
        String url = verificationUrl(id);
        String title = ResultPaper.title(issue);
        IssuingBody body = IssuingBody.of(catalogs, issue.agencyCode(), issue.agencyName(), issuedOn, authority, place);
        byte[] pdf = papers.render(ResultPaper.of(issue, body, issuedOn, url));
        SignedPdf signed = signing.sign(new SigningAgency(issue.agencyCode(), issue.agencyName()), pdf,
                new SignerDetails(issue.signer().name(), issue.signer().title(), body.place(),
                        "Ký ban hành " + issue.type().vietnameseName().toLowerCase(java.util.Locale.ROOT) + " hồ sơ " + issue.dossierCode(),
                        Signature.DIGITAL_SIGNATURE_FIELD));
        String by = actor();
        CheckedFile checked = files.check(new Upload("Kết quả giải quyết", fileName(issue, id), "application/pdf", signed.content()));
        return transaction.execute(status -> {
            StoredFile stored = files.store(checked, new Provenance(CHANNEL, issue.dossierCode(), by));
            store.insert(id, issue, title, stored.sha256(), issuedAt, by);
            // a business's licence is the business's: its representatives see it in the business's store
            DocumentOwner owner = issue.businessTaxCode() != null ? DocumentOwner.business(issue.businessTaxCode())
                    : issue.applicantAccountId() != null ? DocumentOwner.citizen(issue.applicantAccountId()) : null;
            if (owner != null) {
                personalDocuments.add(owner, title, PersonalDocumentKind.RESULT, stored, issue.dossierCode(), issuedOn, issue.validUntil());
            }
            audit.record(AuditRecord.builder("RESULT_ISSUED", Outcome.SUCCESS).object("result", id.toString())
                    .detail("dossierCode", issue.dossierCode()).detail("type", issue.type().name())
                    .detail("agencyCode", issue.agencyCode()).detail("sha256", stored.sha256())
                    .detail("certificateSerial", signed.certificateSerial()).detail("signatureLevel", signed.signatureLevel())
                    .fromCurrentRequest().build());
            events.publishEvent(new ResultIssued(id, issue.dossierId(), issue.dossierCode(), issue.type(), issuedAt));
            return new IssuedResult(id, stored.sha256(), url, issuedAt);
        });
    }

    @Override
    public ResultDocument revoke(UUID resultId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Lý do thu hồi: bắt buộc nhập.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("Lý do thu hồi: tối đa 1000 ký tự.");
        }
        String who = by == null || by.isBlank() ? actor() : by;
        return transaction.execute(status -> {
            ResultDocument result = store.find(resultId)
                    .orElseThrow(() -> new NoSuchElementException("Không có kết quả giải quyết mã " + resultId + "."));
            Instant at = clock.instant();
            if (!store.revoke(resultId, reason.strip(), who, at)) {
                throw new IllegalStateException("Kết quả giải quyết %s của hồ sơ %s đã bị thu hồi trước đó."
                        .formatted(resultId, result.dossierCode()));
            }
            audit.record(AuditRecord.builder("RESULT_REVOKED", Outcome.SUCCESS).object("result", resultId.toString())
                    .actor(Actor.current() == null ? Actor.user(who) : null)
                    .detail("dossierCode", result.dossierCode()).detail("reason", reason.strip()).detail("revokedBy", who)
                    .fromCurrentRequest().build());
            events.publishEvent(new ResultRevoked(resultId, result.dossierId(), result.dossierCode(), result.type(), reason.strip(), who, at));
            return store.find(resultId).orElseThrow();
        });
    }

    @Override
    public List<ResultDocument> ofDossier(UUID dossierId) {
        return store.ofDossier(dossierId);
    }

    @Override
    public Optional<ResultDocument> find(UUID resultId) {
        return store.find(resultId);
    }

    @Override
    public Optional<byte[]> content(UUID resultId) {
        return store.find(resultId).flatMap(result -> files.content(result.sha256()));
    }

    Optional<ResultDocument> bySha256(String sha256) {
        return store.bySha256(sha256);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(ResultIssue issue, UUID id) {
        return "ket-qua-" + issue.dossierCode().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + id.toString().substring(0, 8) + ".pdf";
    }

    private static String actor() {
        Actor current = Actor.current();
        return current == null ? Actor.SYSTEM_ID : current.userId();
    }
}
