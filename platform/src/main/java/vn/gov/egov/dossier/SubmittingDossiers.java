package vn.gov.egov.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.identity.Citizens;

/** The applicant's side: online submission, the own list, withdrawal, supplements, and the public look-up. */
@Service
class SubmittingDossiers implements Dossiers {

    private static final int MAX_KEY_LENGTH = 200;

    private final SubmissionChecks checks;
    private final DossierWriting writing;
    private final DossierStore store;
    private final DossierCodes codes;
    private final Appointments appointments;
    private final Citizens citizens;
    private final DossierViews views;
    private final DossierClock clock;
    private final TransactionTemplate transaction;
    private final ProgressingDossiers progress;

    SubmittingDossiers(SubmissionChecks checks, DossierWriting writing, DossierStore store, DossierCodes codes,
                       Appointments appointments, Citizens citizens, DossierViews views, DossierClock clock,
                       PlatformTransactionManager transactions, ProgressingDossiers progress) {
        this.progress = progress;
        this.checks = checks;
        this.writing = writing;
        this.store = store;
        this.codes = codes;
        this.appointments = appointments;
        this.citizens = citizens;
        this.views = views;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Submitted submit(UUID account, String idempotencyKey, DossierSubmission submission) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new SubmissionRefused(new Violation("Idempotency-Key", "idempotency-key",
                    "Thiếu khóa chống nộp trùng (Idempotency-Key) hoặc khóa không hợp lệ: 1–%d ký tự ASCII in được, không có dấu cách"
                            .formatted(MAX_KEY_LENGTH)));
        }
        Citizens.CitizenProfile applicant = citizens.profile(account)
                .orElseThrow(() -> new DossierActionRefused("not-permitted", "Tài khoản công dân không tồn tại"));
        // a replay is answered before anything is checked again
        Optional<Submitted> replay = replay(account, idempotencyKey, submission);
        if (replay.isPresent()) {
            return replay.get();
        }
        boolean represents = submission.businessTaxCode() != null && citizens.represents(account, submission.businessTaxCode());
        LocalDate today = SubmissionChecks.today(clock);
        SubmissionChecks.Passed passed = checks.online(submission, owners(account, submission.businessTaxCode(), represents),
                represents, today);
        String hash = requestHash(submission, passed);
        // the code first, in its own transaction (see DossierCodes): a request of the same key racing this one leaves
        // it unused, a gap like that of any dossier whose transaction fails
        Instant now = clock.instant();
        DossierCode code = codes.next(passed.agencyCode(), now);
        return transaction.execute(status -> {
            store.lockIdempotencyKey(account.toString(), idempotencyKey);
            Optional<DossierRecord> earlier = store.byIdempotencyKey(account, idempotencyKey);
            if (earlier.isPresent()) {
                return replayOf(earlier.get(), hash);
            }
            DossierRecord d = writing.create(UUID.randomUUID(), code, passed,
                    new DossierWriting.Applicant(account, applicant.fullName(), applicant.personalId(), applicant.phoneNumber(),
                            applicant.email(), applicant.address(), submission.businessTaxCode(), null),
                    DossierChannel.OWN_PORTAL, null, idempotencyKey, hash, submission.resultDelivery(), submission.deliveryAddress(),
                    now, appointments.receptionDue(now), false);
            writing.attachToNew(d, passed.attachments(), "ONLINE", account.toString(), now);
            writing.step(d, now, "SUBMITTED", DossierStatus.SUBMITTED, applicant.fullName(), "citizen",
                    "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công của tỉnh", null);
            writing.publish(d, DossierStatus.SUBMITTED, null, "SUBMITTED", now, null, null);
            return new Submitted(d.id(), code, DossierStatus.SUBMITTED, false);
        });
    }

    private Optional<Submitted> replay(UUID account, String key, DossierSubmission submission) {
        return store.byIdempotencyKey(account, key).map(earlier -> {
            // the files of the replay are not re-checked: their hashes are compared through the request hash
            return replayOf(earlier, requestHashWithoutChecks(submission));
        });
    }

    private Submitted replayOf(DossierRecord earlier, String hash) {
        if (earlier.requestHash() != null && !earlier.requestHash().equals(hash)) {
            throw new SubmissionRefused(new Violation("Idempotency-Key", "idempotency-key-reused",
                    "Khóa chống nộp trùng (Idempotency-Key) này đã dùng cho hồ sơ %s với nội dung khác; hãy dùng khóa mới cho hồ sơ mới"
                            .formatted(earlier.code())));
        }
        return new Submitted(earlier.id(), DossierCode.parse(earlier.code()), earlier.status(), true);
    }

    private List<DocumentOwner> owners(UUID account, String taxCode, boolean represents) {
        List<DocumentOwner> owners = new ArrayList<>();
        owners.add(DocumentOwner.citizen(account));
        if (taxCode != null && represents) {
            owners.add(DocumentOwner.business(taxCode));
        }
        return owners;
    }

    /** The request's fingerprint: what it asks for, with each file by its content hash. */
    private String requestHash(DossierSubmission s, SubmissionChecks.Passed passed) {
        // the checks hashed every file already: reuse those hashes (the same as requestHashWithoutChecks computes)
        List<String> fileHashes = passed.attachments().stream()
                .map(a -> a.file() != null ? a.file().sha256() : String.valueOf(a.personal().id())).toList();
        return requestHash(s, fileHashes);
    }

    private static String requestHashWithoutChecks(DossierSubmission s) {
        return requestHash(s, s.documents().stream()
                .map(d -> d.upload() != null ? sha256(d.upload().content()) : String.valueOf(d.personalDocumentId())).toList());
    }

    private static String requestHash(DossierSubmission s, List<String> fileHashes) {
        StringBuilder text = new StringBuilder();
        text.append(s.procedureCode()).append('|').append(s.agencyCode()).append('|').append(s.businessTaxCode()).append('|')
                .append(s.form() == null ? "" : s.form().toString()).append('|').append(s.resultDelivery()).append('|')
                .append(s.deliveryAddress());
        for (int i = 0; i < s.documents().size(); i++) {
            text.append('|').append(s.documents().get(i).requiredDocument()).append(':').append(fileHashes.get(i));
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<DossierSummary> ofApplicant(UUID account, int limit) {
        List<String> taxCodes = citizens.byAccountId(account).map(Citizens.Citizen::representedTaxCodes).orElse(List.of());
        String lookup = citizens.profile(account).map(p -> writing.personalIdLookup(p.personalId())).orElse(null);
        return store.ofApplicant(account, lookup, taxCodes, Math.max(1, Math.min(limit, 500))).stream().map(DossierRecord::summary).toList();
    }

    @Override
    public Optional<DossierDetail> ofApplicant(UUID account, String code) {
        return own(account, code).map(views::detail);
    }

    private Optional<DossierRecord> own(UUID account, String code) {
        return store.byCode(code).filter(d -> isApplicant(account, d));
    }

    /** Whether the citizen filed the dossier, represents its business, or is the person it was filed for under their number. */
    private boolean isApplicant(UUID account, DossierRecord d) {
        return account.equals(d.applicantAccount())
                || (d.businessTaxCode() != null && citizens.represents(account, d.businessTaxCode()))
                || (d.applicantAccount() == null && store.applicantLookup(d.id())
                        .filter(l -> l.equals(citizens.profile(account).map(p -> writing.personalIdLookup(p.personalId())).orElse(null)))
                        .isPresent());
    }

    @Override
    public void withdraw(UUID account, String code, String reason) {
        transaction.executeWithoutResult(status -> {
            DossierRecord d = store.byCodeForUpdate(code).filter(r -> isApplicant(account, r))
                    .orElseThrow(() -> new UnknownDossier(code));
            if (!d.status().awaitingReception()) {
                throw new DossierActionRefused("wrong-status", "Hồ sơ %s đang ở trạng thái \"%s\": chỉ rút được hồ sơ chưa được tiếp nhận"
                        .formatted(code, d.status().vietnameseName()));
            }
            Instant now = clock.instant();
            store.close(d.id(), DossierStatus.WITHDRAWN, now);
            String note = reason == null || reason.isBlank() ? "Người nộp rút hồ sơ" : "Người nộp rút hồ sơ: " + reason.strip();
            writing.step(d, now, "WITHDRAWN", DossierStatus.WITHDRAWN, d.applicantName(), "citizen", note, null);
            writing.publish(d, DossierStatus.WITHDRAWN, d.status(), "WITHDRAWN", now, null, note);
        });
    }

    @Override
    public void supplement(UUID account, String code, JsonNode correctedForm, List<AttachedDocument> documents) {
        DossierRecord before = own(account, code).orElseThrow(() -> new UnknownDossier(code));
        if (!before.status().awaitingSupplement()) {
            throw new DossierActionRefused("wrong-status", "Hồ sơ %s không có yêu cầu bổ sung đang chờ (trạng thái \"%s\")"
                    .formatted(code, before.status().vietnameseName()));
        }
        LocalDate today = SubmissionChecks.today(clock);
        List<DocumentOwner> owners = owners(account, before.businessTaxCode(), before.businessTaxCode() != null);
        List<SubmissionChecks.Attachment> attachments = documents.isEmpty() && correctedForm != null ? List.of()
                : checks.supplementDocuments(documents, before.procedureCode(), today, owners);
        if (correctedForm != null && before.formVersion() != null) {
            List<Violation> violations = new ArrayList<>();
            views.form(before).ifPresent(form -> checks.formViolations(form, correctedForm, violations));
            if (!violations.isEmpty()) {
                throw new SubmissionRefused(violations);
            }
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = store.byCodeForUpdate(code).orElseThrow(() -> new UnknownDossier(code));
            if (!d.status().awaitingSupplement()) {
                throw new DossierActionRefused("wrong-status", "Hồ sơ %s không còn chờ bổ sung".formatted(code));
            }
            Instant now = clock.instant();
            int round = store.papersOfKind(d.id(), "SUPPLEMENT_REQUEST");
            writing.attach(d, attachments, "ONLINE", round, account.toString(), now);
            String note = "Bổ sung %d giấy tờ%s".formatted(attachments.size(), correctedForm != null ? " và sửa tờ khai" : "");
            if (d.status() == DossierStatus.AWAITING_SUPPLEMENT) {
                progress.resume(d, now, correctedForm == null || d.formVersion() == null ? null : writing.sealForm(correctedForm),
                        d.applicantName(), "citizen", note);
                return;
            }
            store.backToQueue(d.id(), now, appointments.receptionDue(now),
                    correctedForm == null || d.formVersion() == null ? null : writing.sealForm(correctedForm), null);
            writing.step(d, now, "SUPPLEMENTED", DossierStatus.SUBMITTED, d.applicantName(), "citizen", note,
                    Map.of("documents", attachments.stream().map(a -> a.fileName()).toList()));
            writing.publish(d, DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENTED", now, null, note);
        });
    }

    @Override
    public void rate(UUID account, String code, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new SubmissionRefused(new Violation("rating", "range", "Mức độ hài lòng phải từ 1 (rất không hài lòng) đến 5 (rất hài lòng)"));
        }
        if (comment != null && comment.length() > 2000) {
            throw new SubmissionRefused(new Violation("comment", "too-long", "Ý kiến góp ý tối đa 2000 ký tự"));
        }
        DossierRecord before = own(account, code).orElseThrow(() -> new UnknownDossier(code));
        transaction.executeWithoutResult(status -> {
            DossierRecord d = store.byIdForUpdate(before.id()).orElseThrow(() -> new UnknownDossier(code));
            if (d.status() != DossierStatus.RETURNED) {
                throw new DossierActionRefused("wrong-status", "Chỉ đánh giá được hồ sơ đã trả kết quả (hồ sơ %s đang ở trạng thái \"%s\")"
                        .formatted(code, d.status().vietnameseName()));
            }
            Instant now = clock.instant();
            if (!store.rate(d.id(), rating, comment == null || comment.isBlank() ? null : comment.strip(), now)) {
                throw new DossierActionRefused("already-rated", "Hồ sơ %s đã được đánh giá".formatted(code));
            }
            writing.step(d, now, "RATED", d.status(), d.applicantName(), "citizen", "Đánh giá mức độ hài lòng: %d/5".formatted(rating), null);
            writing.publishRating(d, rating, now);
        });
    }

    @Override
    public Optional<PublicStatus> publicStatus(String code) {
        try {
            DossierCode.parse(code);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.byCode(code.strip()).filter(d -> d.status() != DossierStatus.DRAFT).map(views::publicStatus);
    }

    @Override
    public Optional<byte[]> content(UUID account, String code, String sha256) {
        return own(account, code).filter(d -> store.holds(d.id(), sha256)).flatMap(d -> views.content(sha256));
    }

    @Override
    public Optional<ApplicantContact> contactOf(String code) {
        return writing.createdNow(code).or(() -> store.byCode(code)).map(d -> {
            Optional<Citizens.CitizenProfile> profile = d.applicantAccount() == null ? Optional.empty() : citizens.profile(d.applicantAccount());
            String email = profile.map(Citizens.CitizenProfile::email).filter(e -> e != null && !e.isBlank()).orElse(d.applicantEmail());
            String phone = profile.map(Citizens.CitizenProfile::phoneNumber).filter(p -> p != null && !p.isBlank())
                    .orElseGet(() -> writing.phone(d)); // opened only when the account has none
            return new ApplicantContact(d.code(), d.applicantAccount(), d.applicantName(), email, phone);
        });
    }
}
