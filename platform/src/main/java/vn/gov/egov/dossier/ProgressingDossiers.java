package vn.gov.egov.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.personaldata.PostalAddress;

/** Processing's moves of a received dossier, each under the dossier's row lock. */
@Service
class ProgressingDossiers implements DossierProgress {

    private static final int MAX_ITEMS = 30;
    private static final int MAX_TEXT = 2000;

    private final DossierStore store;
    private final DossierWriting writing;
    private final DossierViews views;
    private final DossierPapersPrinter printer;
    private final WorkingCalendar calendar;
    private final DossierClock clock;
    private final TransactionTemplate transaction;

    ProgressingDossiers(DossierStore store, DossierWriting writing, DossierViews views, DossierPapersPrinter printer,
                        WorkingCalendar calendar, DossierClock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.writing = writing;
        this.views = views;
        this.printer = printer;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Optional<DossierDetail> detail(UUID dossierId) {
        return store.byId(dossierId).map(views::detail);
    }

    @Override
    public Optional<Brief> brief(UUID dossierId) {
        return store.byId(dossierId).map(d -> new Brief(d.summary(), d.resultDelivery()));
    }

    @Override
    public Optional<DossierDetail> detail(String code) {
        return store.byCode(code).map(views::detail);
    }

    @Override
    public Optional<Clock> clock(UUID dossierId) {
        return store.clock(dossierId);
    }

    @Override
    public Optional<UUID> applicantAccount(UUID dossierId) {
        return store.byId(dossierId).map(DossierRecord::applicantAccount);
    }

    @Override
    public Optional<byte[]> content(UUID dossierId, String sha256) {
        return store.holds(dossierId, sha256) ? views.content(sha256) : Optional.empty();
    }

    @Override
    public void startProcessing(UUID dossierId, Actor actor) {
        transaction.executeWithoutResult(status -> {
            DossierRecord d = locked(dossierId);
            if (d.status() == DossierStatus.IN_PROGRESS || d.status() == DossierStatus.AWAITING_SUPPLEMENT) {
                return;
            }
            expect(d, DossierStatus.RECEIVED, "bắt đầu giải quyết");
            Instant now = clock.instant();
            store.startProcessing(d.id(), now);
            String note = "Chuyển hồ sơ để giải quyết";
            writing.step(d, now, "PROCESSING_STARTED", DossierStatus.IN_PROGRESS, name(actor), "official", note, null);
            writing.publish(d, DossierStatus.IN_PROGRESS, d.status(), "PROCESSING_STARTED", now, null, note, d.dueAt(), null, false);
        });
    }

    @Override
    public void requestSupplement(UUID dossierId, Actor officer, List<MissingItem> missing) {
        if (missing == null || missing.isEmpty() || missing.size() > MAX_ITEMS
                || missing.stream().anyMatch(m -> m == null || blank(m.what()) || blank(m.why()))) {
            throw new SubmissionRefused(new Violation("missing", "required",
                    "Phiếu yêu cầu bổ sung phải nêu từ 1 đến %d nội dung, mỗi nội dung có giấy tờ cần bổ sung và lý do".formatted(MAX_ITEMS)));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = locked(dossierId);
            expect(d, DossierStatus.IN_PROGRESS, "yêu cầu bổ sung");
            Instant now = clock.instant();
            int round = store.papersOfKind(d.id(), "SUPPLEMENT_REQUEST") + 1;
            writing.issuePaper(d, "SUPPLEMENT_REQUEST", round, printer.supplementRequest(subject(d, officer), missing, now),
                    officer.username(), now);
            store.stopClock(d.id(), now);
            String note = "Yêu cầu bổ sung (tạm dừng tính thời hạn): "
                    + String.join("; ", missing.stream().map(m -> m.what() + " (" + m.why() + ")").toList());
            writing.step(d, now, "SUPPLEMENT_REQUESTED", DossierStatus.AWAITING_SUPPLEMENT, name(officer), "official", note,
                    Map.of("missing", missing, "round", round));
            writing.publish(d, DossierStatus.AWAITING_SUPPLEMENT, d.status(), "SUPPLEMENT_REQUESTED", now, null, note, d.dueAt(),
                    null, store.clock(d.id()).map(Clock::late).orElse(false));
        });
    }

    /**
     * The applicant completed a dossier awaiting supplements: the clock restarts with the working time that was left
     * when it stopped. Called under the row lock by the applicant's and the desk's supplement paths.
     */
    void resume(DossierRecord d, Instant now, String formSealed, String actorName, String actorKind, String note) {
        Clock before = store.clock(d.id()).orElseThrow();
        Instant due = d.dueAt();
        if (before.stoppedAt() != null && due != null) {
            Duration left = calendar.workingTimeBetween(before.stoppedAt(), due).duration();
            due = calendar.addWorkingTime(now, left.isNegative() ? Duration.ZERO : left).toInstant();
        }
        LocalDate appointment = due == null ? d.appointmentDate() : due.atZone(WorkingCalendar.ZONE).toLocalDate();
        store.restartClock(d.id(), now, due, appointment, formSealed);
        String fullNote = note + (appointment == null ? "" : "; hẹn trả kết quả ngày " + DossierPapersPrinter.date(appointment));
        writing.step(d, now, "SUPPLEMENTED", DossierStatus.IN_PROGRESS, actorName, actorKind, fullNote,
                due == null ? null : Map.of("dueAt", due.toString()));
        writing.publish(d, DossierStatus.IN_PROGRESS, DossierStatus.AWAITING_SUPPLEMENT, "SUPPLEMENTED", now, appointment, fullNote,
                due, null, before.late());
    }

    @Override
    public void reschedule(UUID dossierId, Actor officer, String reason, LocalDate newAppointment) {
        if (blank(reason) || reason.length() > MAX_TEXT) {
            throw new SubmissionRefused(new Violation("reason", "required",
                    "Phiếu xin lỗi phải nêu lý do chậm trả kết quả (tối đa %d ký tự)".formatted(MAX_TEXT)));
        }
        if (newAppointment == null) {
            throw new SubmissionRefused(new Violation("newAppointment", "required", "Phải chọn ngày hẹn trả kết quả mới"));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = locked(dossierId);
            if (d.status() != DossierStatus.IN_PROGRESS && d.status() != DossierStatus.RECEIVED) {
                throw wrongStatus(d, "hẹn lại ngày trả kết quả");
            }
            if (d.appointmentDate() != null && !newAppointment.isAfter(d.appointmentDate())) {
                throw new SubmissionRefused(new Violation("newAppointment", "after-appointment",
                        "Ngày hẹn mới phải sau ngày hẹn hiện tại (%s)".formatted(DossierPapersPrinter.date(d.appointmentDate()))));
            }
            if (!calendar.isWorkingDay(newAppointment)) {
                throw new SubmissionRefused(new Violation("newAppointment", "working-day",
                        "Ngày hẹn mới %s không phải ngày làm việc".formatted(DossierPapersPrinter.date(newAppointment))));
            }
            Instant now = clock.instant();
            Instant due = calendar.addWorkingTime(newAppointment.atStartOfDay(WorkingCalendar.ZONE).toInstant(),
                    calendar.workingDayLength()).toInstant();
            int round = store.papersOfKind(d.id(), "APOLOGY") + 1;
            writing.issuePaper(d, "APOLOGY", round, printer.apology(subject(d, officer), reason.strip(), d.appointmentDate(),
                    newAppointment, now), officer.username(), now);
            store.reschedule(d.id(), now, due, newAppointment);
            String note = "Xin lỗi và hẹn lại ngày trả kết quả: " + DossierPapersPrinter.date(newAppointment) + ". Lý do: " + reason.strip();
            writing.step(d, now, "RESCHEDULED", d.status(), name(officer), "official", note,
                    Map.of("dueAt", due.toString(), "appointmentDate", newAppointment.toString(), "round", round));
            writing.publish(d, d.status(), d.status(), "RESCHEDULED", now, newAppointment, note, due, null, true);
        });
    }

    @Override
    public void resolve(UUID dossierId, Actor officer, DossierOutcome outcome, UUID resultId, String note) {
        if (outcome == null) {
            throw new SubmissionRefused(new Violation("outcome", "required", "Phải nêu kết quả giải quyết: cấp kết quả hay từ chối"));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = locked(dossierId);
            expect(d, DossierStatus.IN_PROGRESS, "trả kết quả giải quyết");
            Instant now = clock.instant();
            boolean late = d.dueAt() != null && now.isAfter(d.dueAt());
            store.resolve(d.id(), now, outcome, resultId, late);
            boolean countsLate = store.clock(d.id()).map(Clock::late).orElse(late);
            String text = outcome.vietnameseName() + (blank(note) ? "" : ": " + note.strip());
            writing.step(d, now, "RESOLVED", DossierStatus.RESOLVED, name(officer), "official", text,
                    resultId == null ? Map.of("outcome", outcome.name()) : Map.of("outcome", outcome.name(), "resultId", resultId.toString()));
            writing.publish(d, DossierStatus.RESOLVED, d.status(), "RESOLVED", now, null, text, d.dueAt(), outcome, countsLate);
        });
    }

    @Override
    public void returnResult(UUID dossierId, Actor officer, ResultDelivery how, String handedTo) {
        if (how == null) {
            throw new SubmissionRefused(new Violation("how", "required", "Phải chọn hình thức trả kết quả"));
        }
        if (how != ResultDelivery.ONLINE && blank(handedTo)) {
            throw new SubmissionRefused(new Violation("handedTo", "required", how == ResultDelivery.AT_DESK
                    ? "Trả kết quả tại Bộ phận Một cửa phải ghi người nhận kết quả"
                    : "Trả kết quả qua bưu chính phải có số hiệu bưu gửi"));
        }
        if (handedTo != null && handedTo.length() > 300) {
            throw new SubmissionRefused(new Violation("handedTo", "too-long", "Người nhận / số hiệu bưu gửi tối đa 300 ký tự"));
        }
        transaction.executeWithoutResult(status -> {
            DossierRecord d = locked(dossierId);
            expect(d, DossierStatus.RESOLVED, "trả kết quả");
            Instant now = clock.instant();
            store.markReturned(d.id(), now, how, blank(handedTo) ? null : handedTo.strip());
            String note = switch (how) {
                case ONLINE -> "Trả kết quả trực tuyến";
                case AT_DESK -> "Trả kết quả tại Bộ phận Một cửa cho " + handedTo.strip();
                case BY_POST -> "Gửi kết quả qua bưu chính công ích, số hiệu bưu gửi " + handedTo.strip();
            };
            Clock after = store.clock(d.id()).orElseThrow();
            writing.step(d, now, "RETURNED", DossierStatus.RETURNED, name(officer), "official", note, Map.of("how", how.name()));
            writing.publish(d, DossierStatus.RETURNED, d.status(), "RETURNED", now, null, note, d.dueAt(), after.outcome(), after.late());
        });
    }

    private DossierRecord locked(UUID dossierId) {
        return store.byIdForUpdate(dossierId).orElseThrow(() -> new UnknownDossier(String.valueOf(dossierId)));
    }

    private static void expect(DossierRecord d, DossierStatus expected, String action) {
        if (d.status() != expected) {
            throw wrongStatus(d, action);
        }
    }

    private static DossierActionRefused wrongStatus(DossierRecord d, String action) {
        return new DossierActionRefused("wrong-status", "Hồ sơ %s đang ở trạng thái \"%s\" nên không %s được"
                .formatted(d.code(), d.status().vietnameseName(), action));
    }

    private DossierPapersPrinter.Subject subject(DossierRecord d, Actor officer) {
        return new DossierPapersPrinter.Subject(d.code(), views.agencyName(d.receivingAgency()), d.procedureName(), d.applicantName(),
                writing.maskedPersonalId(d), writing.maskedPhone(d), PostalAddress.maskLine(writing.applicantAddress(d)), d.businessName(),
                d.resultDelivery(), name(officer));
    }

    private static String name(Actor actor) {
        return actor == null ? "Hệ thống" : actor.fullName() == null || actor.fullName().isBlank() ? actor.username() : actor.fullName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
