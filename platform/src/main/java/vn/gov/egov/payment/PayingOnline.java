package vn.gov.egov.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.calendar.WorkingCalendar;

/**
 * Paying online: the citizen is sent to PayGov with a signed request; PayGov's signed answers — the server-to-server
 * notification, or the answer to a status query — are the only things that mark a payment paid. The browser's return
 * only triggers a status query. A genuine answer is handled once: a repeated one changes nothing and issues no second
 * receipt; one whose amount differs from the request is refused and recorded as a mismatch.
 */
@Component
class PayingOnline {

    private static final Logger LOG = LoggerFactory.getLogger(PayingOnline.class);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}");
    static final String NOTIFICATION = "NOTIFICATION";
    static final String STATUS_QUERY = "STATUS_QUERY";

    /** What was made of one of PayGov's signed answers. */
    enum Handled {
        /** Paid now: receipt issued, {@link FeePaid} published. */
        ACCEPTED,
        /** The same transaction again: nothing changed. */
        REPEATED,
        /** PayGov said failed or cancelled. */
        FAILED_PAYMENT,
        /** The amount is not the requested one: refused, recorded. */
        AMOUNT_MISMATCH,
        /** No such payment here: refused, recorded. */
        UNKNOWN_ORDER,
        /** Paid at PayGov for a request that was cancelled (replaced): recorded for reconciliation. */
        CANCELLED_ORDER,
        /** A second successful transaction for a payment already paid: recorded for reconciliation. */
        SECOND_PAYMENT
    }

    private final PaymentStore store;
    private final PaygovSettings settings;
    private final PaygovClient paygov;
    private final ReceiptPrinter receipts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    PayingOnline(PaymentStore store, PaygovSettings settings, PaygovClient paygov, ReceiptPrinter receipts,
                 ApplicationEventPublisher events, AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.settings = settings;
        this.paygov = paygov;
        this.receipts = receipts;
        this.events = events;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Marks the payment as sent to PayGov and gives the signed address of PayGov's pay page. */
    URI start(Payment payment, String platformBaseUrl) {
        if (!settings.configured()) {
            throw PaymentRefused.unavailable("Chưa cấu hình tài khoản PayGov (egov.national.paygov.merchant-code, secret-key)");
        }
        if (!payment.state().payable()) {
            throw PaymentRefused.conflict("not-payable", "Khoản thanh toán đang ở trạng thái '%s', không thể thanh toán"
                    .formatted(payment.state().vietnameseName()));
        }
        Instant now = clock.instant();
        store.redirected(payment.id(), now);
        String base = settings.callbackBaseUrl().isEmpty() ? platformBaseUrl : settings.callbackBaseUrl();
        return paygov.payUrl(payment, base + "/my/dossiers/" + payment.dossierCode() + "/payment/return",
                base + "/api/v1/paygov/notifications", now);
    }

    /**
     * PayGov's server-to-server notification.
     *
     * @throws PaymentRefused (audited) when it is not signed with the merchant's key, names another merchant or is malformed
     */
    Handled notified(Map<String, String> fields) {
        if (!settings.configured()) {
            throw PaymentRefused.unavailable("Chưa cấu hình tài khoản PayGov: không nhận thông báo thanh toán");
        }
        if (!settings.merchantCode().equals(fields.get("merchant_code")) || !PaygovSignature.verify(fields, settings.secretKey())) {
            refusedNotification("forged", fields, "chữ ký (secure_hash) hoặc mã đơn vị (merchant_code) không đúng");
            throw PaymentRefused.notification("forged-notification",
                    "Thông báo thanh toán bị từ chối: chữ ký 'secure_hash' không khớp HMAC-SHA256 của các tham số với khóa của đơn vị, "
                            + "hoặc 'merchant_code' không phải mã đơn vị của nền tảng");
        }
        Answer answer = answer(fields);
        if (answer == null) {
            refusedNotification("malformed", fields, "thiếu hoặc sai order_id, transaction_id, amount, status");
            throw PaymentRefused.notification("malformed-notification",
                    "Thông báo thanh toán bị từ chối: 'order_id', 'transaction_id', 'amount' (số đồng nguyên) và 'status' là bắt buộc");
        }
        return transactions.execute(t -> apply(answer, NOTIFICATION));
    }

    /** The browser came back from PayGov: its parameters are checked, then PayGov is asked; never trusted alone. */
    Optional<Handled> returned(Payment payment, Map<String, String> parameters) {
        if (!settings.configured() || !settings.merchantCode().equals(parameters.get("merchant_code"))
                || !PaygovSignature.verify(parameters, settings.secretKey())
                || !payment.id().toString().equals(parameters.get("order_id"))) {
            audit.record(AuditRecord.builder("PAYMENT_RETURN_REFUSED", Outcome.DENIED).currentActor().fromCurrentRequest()
                    .object("payment", payment.id().toString()).detail("dossierCode", payment.dossierCode())
                    .detail("reason", "kết quả trả về không mang chữ ký hợp lệ của PayGov").build());
            return Optional.empty();
        }
        return check(payment);
    }

    /** Asks PayGov about the payment and applies its signed answer; empty when PayGov has no transaction of it yet. */
    Optional<Handled> check(Payment payment) {
        if (payment.state() == PaymentState.PAID) {
            return Optional.of(Handled.REPEATED);
        }
        if (!settings.configured()) {
            return Optional.empty();
        }
        Optional<Map<String, String>> status = paygov.status(payment.id().toString(), clock.instant());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Answer answer = answer(status.get());
        if (answer == null) {
            throw new PaygovClient.Unavailable("PayGov trả lời truy vấn trạng thái thiếu trường bắt buộc");
        }
        return Optional.of(transactions.execute(t -> apply(answer, STATUS_QUERY)));
    }

    private record Answer(String orderId, UUID paymentId, String transactionId, long amount, String status, Instant paidAt) {
    }

    private Answer answer(Map<String, String> fields) {
        String orderId = fields.get("order_id");
        String transactionId = fields.get("transaction_id");
        String amount = fields.get("amount");
        String status = fields.get("status");
        if (orderId == null || orderId.isBlank() || transactionId == null || transactionId.isBlank() || amount == null
                || !AMOUNT.matcher(amount).matches() || status == null || status.isBlank()) {
            return null;
        }
        UUID paymentId;
        try {
            paymentId = UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            paymentId = null;
        }
        Instant paidAt;
        try {
            paidAt = LocalDateTime.parse(fields.getOrDefault("paid_at", ""), COMPACT).atZone(WorkingCalendar.ZONE).toInstant();
        } catch (RuntimeException e) {
            paidAt = clock.instant();
        }
        return new Answer(orderId, paymentId, transactionId, Long.parseLong(amount), status, paidAt);
    }

    private Handled apply(Answer a, String source) {
        Instant now = clock.instant();
        Optional<Payment> found = a.paymentId() == null ? Optional.empty() : store.lock(a.paymentId());
        if (found.isEmpty()) {
            record(a, null, source, Handled.UNKNOWN_ORDER, now);
            return Handled.UNKNOWN_ORDER;
        }
        Payment payment = found.get();
        Handled handled;
        if (!"SUCCESS".equals(a.status())) {
            if (payment.state() == PaymentState.REQUESTED || payment.state() == PaymentState.PENDING) {
                store.failed(payment.id(), now);
            }
            handled = Handled.FAILED_PAYMENT;
        } else if (payment.state() == PaymentState.PAID) {
            handled = a.transactionId().equals(payment.transactionId()) ? Handled.REPEATED : Handled.SECOND_PAYMENT;
        } else if (payment.state() == PaymentState.CANCELLED) {
            handled = Handled.CANCELLED_ORDER;
        } else if (a.amount() != payment.amount()) {
            handled = Handled.AMOUNT_MISMATCH;
        } else {
            paid(payment, a, source, now);
            handled = Handled.ACCEPTED;
        }
        record(a, payment, source, handled, now);
        return handled;
    }

    private void paid(Payment payment, Answer a, String source, Instant now) {
        String number = store.nextReceiptNumber(a.paidAt().atZone(WorkingCalendar.ZONE).getYear());
        StoredFile receipt = receipts.issue(payment, number, a.transactionId(), a.paidAt());
        store.paid(payment.id(), a.transactionId(), a.paidAt(), source, number, receipt.sha256(), now);
        events.publishEvent(new FeePaid(payment.dossierId(), payment.dossierCode(), payment.id(), payment.amount(), a.paidAt(), true));
        LOG.info("Payment {} of dossier {} paid ({}), receipt {}", payment.id(), payment.dossierCode(), source, number);
    }

    private void record(Answer a, Payment payment, String source, Handled handled, Instant now) {
        store.recordAnswer(new PaymentStore.Answer(payment == null ? null : payment.id(), a.orderId(), a.transactionId(), a.amount(),
                a.status(), source, handled.name(), now));
        Outcome outcome = switch (handled) {
            case ACCEPTED, REPEATED, FAILED_PAYMENT -> Outcome.SUCCESS;
            default -> Outcome.FAILURE;
        };
        if (handled == Handled.REPEATED) {
            return;
        }
        AuditRecord.Builder entry = AuditRecord.builder(handled == Handled.ACCEPTED ? "PAYMENT_PAID" : "PAYMENT_" + handled.name(), outcome)
                .actor(new Actor("paygov", "PayGov", java.util.List.of(), null)).fromCurrentRequest()
                .object("payment", a.orderId()).detail("source", source).detail("transactionId", a.transactionId())
                .detail("amount", a.amount()).detail("status", a.status());
        if (payment != null) {
            entry.detail("dossierCode", payment.dossierCode()).detail("requestedAmount", payment.amount());
        }
        audit.record(entry.build());
    }

    private void refusedNotification(String reason, Map<String, String> fields, String why) {
        String orderId = fields.getOrDefault("order_id", "");
        audit.record(AuditRecord.builder("PAYMENT_NOTIFICATION_REFUSED", Outcome.DENIED)
                .actor(new Actor("paygov?", "PayGov (không xác thực được)", java.util.List.of(), null)).fromCurrentRequest()
                .object("payment", orderId.length() > 64 ? orderId.substring(0, 64) : orderId)
                .detail("reason", reason).detail("why", why).build());
        LOG.warn("PayGov notification refused ({}) for order {}", reason, orderId.length() > 64 ? orderId.substring(0, 64) : orderId);
    }
}
