package vn.gov.egov.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.procedure.Fee;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;

/**
 * Payment requests: one for each received dossier of a procedure with fees (the fees of the procedure's version in
 * force on the day of reception), or set by the one-stop officer of the receiving agency, which replaces the open one.
 */
@Component
class RequestingPayments {

    private static final Logger LOG = LoggerFactory.getLogger(RequestingPayments.class);
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final PaymentStore store;
    private final Procedures procedures;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RequestingPayments(PaymentStore store, Procedures procedures, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.procedures = procedures;
        this.audit = audit;
    }

    /** A received dossier of a procedure with fees gets its payment request, once (a redelivered event adds nothing). */
    /** Only a reception asks for a payment: the dossier's other moves get no event publication for this listener. */
    @ApplicationModuleListener(condition = "#root.args[0].action() == 'RECEIVED'")
    void on(DossierStatusChanged changed) {
        if (!"RECEIVED".equals(changed.action())) {
            return;
        }
        LocalDate day = (changed.at() == null ? clock.instant() : changed.at()).atZone(WorkingCalendar.ZONE).toLocalDate();
        Optional<Procedure> procedure = procedures.find(changed.procedureCode(), day);
        if (procedure.isEmpty()) {
            LOG.warn("Dossier {}: procedure {} not in the catalog on {}, no payment requested", changed.dossierCode(),
                    changed.procedureCode(), day);
            return;
        }
        List<Fee> fees = procedure.get().fees().stream().filter(f -> !f.free()).toList();
        if (fees.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID(), changed.dossierId(), changed.dossierCode(), changed.procedureCode(),
                procedure.get().name(), changed.receivingAgency(), fees, Payment.total(fees), PaymentState.REQUESTED, "system",
                now, now, 0, null, null, null, null, null);
        if (store.insertIfNoneOpen(payment)) {
            LOG.info("Dossier {}: payment {} requested, {} VND", changed.dossierCode(), payment.id(), payment.amount());
            events.publishEvent(new PaymentRequested(payment.dossierId(), payment.dossierCode(), payment.id(), payment.amount(), now));
        }
    }

    /**
     * The one-stop officer sets the dossier's fees (the procedure's when {@code fees} is null): a new request that
     * cancels the open one, unless it is paid.
     *
     * @throws PaymentRefused when a fee is wrong, nothing is due, or the dossier's fees are already paid
     */
    @Transactional
    Payment request(String officer, DossierDetail dossier, List<Fee> fees) {
        Instant now = clock.instant();
        List<Fee> due = fees != null ? checked(fees) : procedures.find(dossier.summary().procedureCode(),
                now.atZone(WorkingCalendar.ZONE).toLocalDate()).map(p -> p.fees().stream().filter(f -> !f.free()).toList()).orElse(List.of());
        long total = Payment.total(due);
        if (total <= 0) {
            throw PaymentRefused.invalid("fees", "positive-total",
                    "Các khoản phí, lệ phí (fees): tổng số tiền phải lớn hơn 0 đồng; thủ tục miễn phí không cần yêu cầu thanh toán");
        }
        Optional<Payment> open = store.lockOpen(dossier.summary().id());
        if (open.isPresent() && open.get().state() == PaymentState.PAID) {
            throw PaymentRefused.conflict("already-paid", "Hồ sơ %s đã thanh toán phí, lệ phí (biên lai %s): không thể điều chỉnh"
                    .formatted(dossier.summary().code(), open.get().receiptNumber()));
        }
        open.ifPresent(p -> store.cancel(p.id(), now));
        Payment payment = new Payment(UUID.randomUUID(), dossier.summary().id(), dossier.summary().code(),
                dossier.summary().procedureCode(), dossier.summary().procedureName(), dossier.summary().receivingAgency(), due, total,
                PaymentState.REQUESTED, officer, now, now, 0, null, null, null, null, null);
        if (!store.insertIfNoneOpen(payment)) {
            throw PaymentRefused.conflict("concurrent-request", "Yêu cầu thanh toán của hồ sơ vừa được thay đổi đồng thời; hãy thử lại");
        }
        events.publishEvent(new PaymentRequested(payment.dossierId(), payment.dossierCode(), payment.id(), payment.amount(), now));
        AuditRecord.Builder record = AuditRecord.builder(open.isPresent() ? "PAYMENT_ADJUSTED" : "PAYMENT_REQUESTED", Outcome.SUCCESS)
                .currentActor().fromCurrentRequest().object("payment", payment.id().toString())
                .detail("dossierCode", payment.dossierCode()).changed("amount", open.map(Payment::amount).orElse(null), total);
        open.ifPresent(p -> record.detail("replaces", p.id()));
        audit.record(record.build());
        return payment;
    }

    private static List<Fee> checked(List<Fee> fees) {
        List<PaymentRefused.FieldError> errors = new ArrayList<>();
        if (fees.isEmpty() || fees.size() > 50) {
            errors.add(new PaymentRefused.FieldError("fees", "size", "Các khoản phí, lệ phí (fees): từ 1 đến 50 khoản"));
        }
        List<Fee> kept = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            String field = "fees[" + i + "]";
            if (fee == null || fee.name() == null || fee.name().isBlank() || fee.name().length() > 300) {
                errors.add(new PaymentRefused.FieldError(field + ".name", "required",
                        "Tên khoản phí (%s.name) là bắt buộc, tối đa 300 ký tự".formatted(field)));
                continue;
            }
            if (fee.amount() < 0 || fee.amount() > MAX_AMOUNT) {
                errors.add(new PaymentRefused.FieldError(field + ".amount", "whole-vnd",
                        "Số tiền (%s.amount) phải là số đồng nguyên từ 0 đến 1.000.000.000.000".formatted(field)));
                continue;
            }
            if (fee.amount() > 0) {
                kept.add(new Fee(fee.name().strip(), fee.amount(), fee.note() == null || fee.note().isBlank() ? null : fee.note().strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new PaymentRefused(errors);
        }
        if (Payment.total(kept) > MAX_AMOUNT) {
            throw PaymentRefused.invalid("fees", "max-total", "Tổng các khoản phí, lệ phí (fees) không được vượt 1.000.000.000.000 đồng");
        }
        return kept;
    }
}
