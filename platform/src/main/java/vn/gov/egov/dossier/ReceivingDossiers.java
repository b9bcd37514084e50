package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.eform.FormFilling;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.personaldata.PostalAddress;
import vn.gov.egov.procedure.ProcessingTime;

/** The one-stop desk: the queue, the three decisions, and the registration of dossiers from the other channels. */
@Service
class ReceivingDossiers implements DossierReception {

    private static final int MAX_REASONS = 30;

    private final DossierStore store;
    private final DossierWriting writing;
    private final DossierViews views;
    private final SubmissionChecks checks;
    private final DossierCodes codes;
    private final Appointments appointments;
    private final DossierPapersPrinter printer;
    private final FormFilling formFilling;
    private final Officials officials;
    private final DossierClock clock;
    private final TransactionTemplate transaction;
    private final ProgressingDossiers progress;

    ReceivingDossiers(DossierStore store, DossierWriting writing, DossierViews views, SubmissionChecks checks, DossierCodes codes,
                      Appointments appointments, DossierPapersPrinter printer, FormFilling formFilling, Officials officials,
                      DossierClock clock, PlatformTransactionManager transactions, ProgressingDossiers progress) {
        this.progress = progress;
        this.store = store;
        this.writing = writing;
        this.views = views;
        this.checks = checks;
        this.codes = codes;
        this.appointments = appointments;
        this.printer = printer;
        this.formFilling = formFilling;
        this.officials = officials;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The agencies (and units) where the official holds a one-stop officer's position. */
    private Set<String> desksOf(String username) {
        Set<String> desks = new LinkedHashSet<>();
        officials.byUsername(username).map(Official::positions).orElse(List.of()).stream()
                .filter(p -> p.role() == Role.ONE_STOP_OFFICER).forEach(p -> {
                    desks.add(p.agencyCode());
                    if (p.unitCode() != null) {
                        desks.add(p.unitCode());
                    }
                });
        return desks;
    }

    private Official officer(String username, String agency) {
        Official official = officials.byUsername(username)
                .orElseThrow(() -> new DossierActionRefused("not-permitted", "Không có cán bộ '%s'".formatted(username)));
        if (!desksOf(username).contains(agency)) {
            throw new DossierActionRefused("not-permitted",
                    "Cán bộ %s không có vị trí cán bộ một cửa của cơ quan %s nên không tiếp nhận hồ sơ của cơ quan này được"
                            .formatted(username, agency));
        }
        return official;
    }

    @Override
    public List<Queued> queue(String officerUsername, int limit) {
        Instant now = clock.instant();
        return store.queue(desksOf(officerUsername), Math.max(1, Math.min(limit, 500))).stream()
                .map(d -> new Queued(d.summary(), d.receptionDueAt(), d.receptionDueAt() != null && d.receptionDueAt().isBefore(now)))
                .toList();
    }

    @Override
    public List<DossierSummary> sentBack(String officerUsername, int limit) {
        return store.sentBack(desksOf(officerUsername), Math.max(1, Math.min(limit, 500))).stream().map(DossierRecord::summary).toList();
    }

    @Override
    public Optional<DossierDetail> forOfficer(String officerUsername, String code) {
        return visible(officerUsername, code).map(views::detail);
    }

    private Optional<DossierRecord> visible(String officerUsername, String code) {
        Set<String> desks = desksOf(officerUsername);
        return store.byCode(code).filter(d -> desks.contains(d.receivingAgency()));
    }

    @Override
    public Optional<byte[]> content(String officerUsername, String code, String sha256) {
        return visible(officerUsername, code).filter(d -> store.holds(d.id(), sha256)).flatMap(d -> views.content(sha256));
    }

    @Override
    public Accepted accept(String officerUsername, String code) {
        return transaction.execute(status -> {
            DossierRecord d = decidable(officerUsername, code);
            Official officer = officer(officerUsername, d.receivingAgency());
            Instant now = clock.instant();
            ProcessingTime time = new ProcessingTime(d.processingTimeValue(), ProcessingTime.Unit.valueOf(d.processingTimeUnit()));
            Appointments.Due due = appointments.due(time, now);
            store.markReceived(d.id(), now, officerUsername, due.at(), due.date());
            views.form(d).ifPresent(form -> writing.issuePaper(d, "FORM", 0, formFilling.pdf(form, writing.openForm(d), d.code()),
                    officerUsername, now));
            DossierPaper receipt = writing.issuePaper(d, "RECEIPT", 0,
                    printer.receipt(subject(d, officer), store.documents(d.id()), time, now, due), officerUsername, now);
            String note = "Tiếp nhận hồ sơ; hẹn trả kết quả ngày " + DossierPapersPrinter.date(due.date());
            writing.step(d, now, "RECEIVED", DossierStatus.RECEIVED, officer.fullName(), "official", note,
                    Map.of("dueAt", due.at().toString(), "appointmentDate", due.date().toString()));
            writing.publish(d, DossierStatus.RECEIVED, d.status(), "RECEIVED", now, due.date(), note);
            return new Accepted(DossierCode.parse(d.code()), now, due.at(), due.date(), receipt.sha256());
        });
    }

    @Override
    public void requestSupplement(String officerUsername, String code, List<MissingItem> missing) {
        if (missing == null || missing.isEmpty() || missing.size() > MAX_REASONS
                || missing.stream().anyMatch(m -> m == null || blank(m.what()) || blank(m.why()))) {
            throw new SubmissionRefused(new Violation("missing", "required",
                    "Phiếu yêu cầu bổ sung phải nêu từ 1 đến %d nội dung, mỗi nội dung có giấy tờ cần bổ sung và lý do".formatted(MAX_REASONS)));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = decidable(officerUsername, code);
            Official officer = officer(officerUsername, d.receivingAgency());
            Instant now = clock.instant();
            int round = store.papersOfKind(d.id(), "SUPPLEMENT_REQUEST") + 1;
            writing.issuePaper(d, "SUPPLEMENT_REQUEST", round, printer.supplementRequest(subject(d, officer), missing, now),
                    officerUsername, now);
            store.changeStatus(d.id(), DossierStatus.SUPPLEMENT_REQUESTED, now);
            String note = "Yêu cầu bổ sung: " + String.join("; ", missing.stream().map(m -> m.what() + " (" + m.why() + ")").toList());
            writing.step(d, now, "SUPPLEMENT_REQUESTED", DossierStatus.SUPPLEMENT_REQUESTED, officer.fullName(), "official", note,
                    Map.of("missing", missing, "round", round));
            writing.publish(d, DossierStatus.SUPPLEMENT_REQUESTED, d.status(), "SUPPLEMENT_REQUESTED", now, null, note);
        });
    }

    @Override
    public void refuse(String officerUsername, String code, List<String> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.size() > MAX_REASONS || reasons.stream().anyMatch(ReceivingDossiers::blank)) {
            throw new SubmissionRefused(new Violation("reasons", "required",
                    "Từ chối tiếp nhận phải nêu rõ lý do (từ 1 đến %d lý do, không để trống)".formatted(MAX_REASONS)));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = decidable(officerUsername, code);
            Official officer = officer(officerUsername, d.receivingAgency());
            Instant now = clock.instant();
            writing.issuePaper(d, "REFUSAL", 0, printer.refusal(subject(d, officer), reasons, now), officerUsername, now);
            store.close(d.id(), DossierStatus.REFUSED, now);
            String note = "Từ chối tiếp nhận: " + String.join("; ", reasons);
            writing.step(d, now, "REFUSED", DossierStatus.REFUSED, officer.fullName(), "official", note, Map.of("reasons", reasons));
            writing.publish(d, DossierStatus.REFUSED, d.status(), "REFUSED", now, null, note);
        });
    }

    /** The dossier locked, if it is in the queue and the officer may decide on it. */
    private DossierRecord decidable(String officerUsername, String code) {
        DossierRecord d = store.byCodeForUpdate(code).orElseThrow(() -> new UnknownDossier(code));
        officer(officerUsername, d.receivingAgency());
        if (d.status() != DossierStatus.SUBMITTED) {
            throw new DossierActionRefused("wrong-status", "Hồ sơ %s đang ở trạng thái \"%s\": chỉ quyết định được hồ sơ đang chờ tiếp nhận"
                    .formatted(code, d.status().vietnameseName()));
        }
        return d;
    }

    @Override
    public Dossiers.Submitted register(IncomingDossier in) {
        return register(in, false);
    }

    /** Registers; {@code demonstration} marks demonstration data (and lets it come "online" without an account). */
    Dossiers.Submitted register(IncomingDossier in, boolean demonstration) {
        if (in.channel() != null && in.channel() != DossierChannel.IN_PERSON && in.channel() != DossierChannel.OWN_PORTAL
                && blank(in.externalReference())) {
            throw new SubmissionRefused(new Violation("externalReference", "required",
                    "Hồ sơ nhận qua %s phải có mã tham chiếu của kênh đó".formatted(in.channel().vietnameseName())));
        }
        if (in.channel() != null && in.externalReference() != null) {
            Optional<DossierRecord> earlier = store.byExternalReference(in.channel(), in.externalReference());
            if (earlier.isPresent()) {
                return new Dossiers.Submitted(earlier.get().id(), DossierCode.parse(earlier.get().code()), earlier.get().status(), true);
            }
        }
        LocalDate today = SubmissionChecks.today(clock);
        SubmissionChecks.Passed passed = checks.incoming(in, today, demonstration);
        if (in.channel() == DossierChannel.IN_PERSON) {
            officer(in.registeredBy(), passed.agencyCode());
        }
        // the code first, in its own transaction (see DossierCodes): a delivery of the same reference racing this one
        // leaves it unused, a gap like that of any dossier whose transaction fails
        Instant now = clock.instant();
        DossierCode code = codes.next(passed.agencyCode(), now);
        return transaction.execute(status -> {
            if (in.externalReference() != null) {
                store.lockIdempotencyKey(in.channel().name(), in.externalReference());
                Optional<DossierRecord> earlier = store.byExternalReference(in.channel(), in.externalReference());
                if (earlier.isPresent()) {
                    return new Dossiers.Submitted(earlier.get().id(), DossierCode.parse(earlier.get().code()), earlier.get().status(), true);
                }
            }
            Instant submittedAt = in.submittedAt() == null || in.submittedAt().isAfter(now) ? now : in.submittedAt();
            DossierRecord d = writing.create(UUID.randomUUID(), code, passed,
                    new DossierWriting.Applicant(in.applicantAccount(), in.applicantName(), in.personalId(), in.phoneNumber(), in.email(),
                            in.address(), in.businessTaxCode(), in.businessName()),
                    in.channel(), DossierWriting.blankToNull(in.externalReference()), null, null, in.resultDelivery(), in.deliveryAddress(),
                    submittedAt, appointments.receptionDue(now), demonstration);
            writing.attachToNew(d, passed.attachments(), in.channel().name(), in.registeredBy(), now);
            String actorKind = in.channel() == DossierChannel.IN_PERSON ? "official" : "channel";
            String note = switch (in.channel()) {
                case IN_PERSON -> "Nộp trực tiếp tại Bộ phận Một cửa; cán bộ đăng ký và số hóa hồ sơ";
                case BY_POST -> "Nhận qua dịch vụ bưu chính công ích, số hiệu bưu gửi " + in.externalReference();
                case NATIONAL_PORTAL -> "Nộp trên Cổng Dịch vụ công quốc gia, mã " + in.externalReference();
                case OWN_PORTAL -> "Nộp trực tuyến";
            };
            writing.step(d, now, "SUBMITTED", DossierStatus.SUBMITTED, in.registeredBy(), actorKind, note, null);
            writing.publish(d, DossierStatus.SUBMITTED, null, "SUBMITTED", now, null, null);
            return new Dossiers.Submitted(d.id(), code, DossierStatus.SUBMITTED, false);
        });
    }

    @Override
    public void supplementAtDesk(String officerUsername, String code, List<AttachedDocument> documents) {
        DossierRecord before = store.byCode(code).orElseThrow(() -> new UnknownDossier(code));
        officer(officerUsername, before.receivingAgency());
        if (!before.status().awaitingSupplement()) {
            throw new DossierActionRefused("wrong-status", "Hồ sơ %s không có yêu cầu bổ sung đang chờ".formatted(code));
        }
        List<SubmissionChecks.Attachment> attachments = checks.supplementDocuments(documents, before.procedureCode(),
                SubmissionChecks.today(clock), List.of());
        transaction.executeWithoutResult(status -> {
            DossierRecord d = store.byCodeForUpdate(code).orElseThrow(() -> new UnknownDossier(code));
            if (!d.status().awaitingSupplement()) {
                throw new DossierActionRefused("wrong-status", "Hồ sơ %s không còn chờ bổ sung".formatted(code));
            }
            Instant now = clock.instant();
            int round = store.papersOfKind(d.id(), "SUPPLEMENT_REQUEST");
            writing.attach(d, attachments, "IN_PERSON", round, officerUsername, now);
            String note = "Người nộp bổ sung %d giấy tờ tại Bộ phận Một cửa".formatted(attachments.size());
            if (d.status() == DossierStatus.AWAITING_SUPPLEMENT) {
                progress.resume(d, now, null, officerUsername, "official", note);
                return;
            }
            store.backToQueue(d.id(), now, appointments.receptionDue(now), null, null);
            writing.step(d, now, "SUPPLEMENTED", DossierStatus.SUBMITTED, officerUsername, "official", note, null);
            writing.publish(d, DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENTED", now, null, note);
        });
    }

    private DossierPapersPrinter.Subject subject(DossierRecord d, Official officer) {
        return new DossierPapersPrinter.Subject(d.code(), views.agencyName(d.receivingAgency()), d.procedureName(), d.applicantName(),
                writing.maskedPersonalId(d), writing.maskedPhone(d), PostalAddress.maskLine(writing.applicantAddress(d)), d.businessName(),
                d.resultDelivery(), officer.fullName());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
