package vn.gov.egov.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.calendar.WorkingCalendar;

/**
 * The daily reconciliation: PayGov's file of a day against the platform's payments. Every mismatch is listed — paid
 * at PayGov but not here, paid here but not at PayGov, amount differs, status differs — and the report is kept.
 */
@Component
class Reconciling {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciling.class);

    enum Kind {
        PAID_AT_PAYGOV_ONLY("Đã thanh toán tại PayGov, chưa ghi nhận trên hệ thống"),
        PAID_HERE_ONLY("Đã ghi nhận trên hệ thống, không có trong tệp PayGov"),
        AMOUNT_DIFFERS("Số tiền khác nhau"),
        STATUS_DIFFERS("Trạng thái khác nhau");

        private final String vietnameseName;

        Kind(String vietnameseName) {
            this.vietnameseName = vietnameseName;
        }

        public String vietnameseName() {
            return vietnameseName;
        }
    }

    record Item(Kind kind, String orderId, String transactionId, String dossierCode, Long paygovAmount, Long platformAmount,
                String paygovStatus, String platformState) {
    }

    record Report(UUID id, LocalDate date, Instant runAt, String runBy, int paygovRows, int platformPaid, int mismatches,
                  String fileChecksum, List<Item> items) {
    }

    private final PaygovClient paygov;
    private final PaygovSettings settings;
    private final PaymentStore payments;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    Reconciling(PaygovClient paygov, PaygovSettings settings, PaymentStore payments, JdbcClient jdbc, AuditTrail audit,
                PlatformTransactionManager transactionManager) {
        this.paygov = paygov;
        this.settings = settings;
        this.payments = payments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Yesterday's file (Vietnam time), every morning. */
    @Scheduled(cron = "${egov.national.paygov.reconciliation-cron:-}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        if (!settings.configured()) {
            LOG.warn("PayGov reconciliation skipped: the PayGov merchant account is not configured");
            return;
        }
        try {
            Report report = reconcile(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).minusDays(1), "system");
            LOG.info("PayGov reconciliation of {}: {} mismatches", report.date(), report.mismatches());
        } catch (PaygovClient.Unavailable e) {
            LOG.error("PayGov reconciliation failed: {}", e.getMessage());
        }
    }

    /**
     * Fetches PayGov's file of {@code date}, compares and stores the report.
     *
     * @throws PaygovClient.Unavailable when the file cannot be had or is not signed by PayGov
     */
    Report reconcile(LocalDate date, String runBy) {
        if (!settings.configured()) {
            throw new PaygovClient.Unavailable("Chưa cấu hình tài khoản PayGov (egov.national.paygov.merchant-code, secret-key)");
        }
        Instant now = clock.instant();
        PaygovClient.DailyFile daily = paygov.dailyFile(date, now);
        List<PaygovClient.Transaction> file = daily.transactions();
        List<Payment> paidHere = payments.paidOn(date);
        List<Item> items = compare(file, paidHere);
        String checksum = daily.checksum();
        Report report = new Report(UUID.randomUUID(), date, now, runBy, file.size(), paidHere.size(), items.size(), checksum, items);
        transactions.executeWithoutResult(t -> {
            save(report);
            audit.record(AuditRecord.builder("PAYMENT_RECONCILED", items.isEmpty() ? Outcome.SUCCESS : Outcome.FAILURE)
                    .currentActor().fromCurrentRequest().object("payment-reconciliation", report.id().toString())
                    .detail("date", date).detail("paygovRows", file.size()).detail("mismatches", items.size()).build());
        });
        return report;
    }

    private List<Item> compare(List<PaygovClient.Transaction> file, List<Payment> paidHere) {
        List<Item> items = new ArrayList<>();
        Map<String, Payment> known = new HashMap<>();
        paidHere.forEach(p -> known.put(p.id().toString(), p));
        Set<String> inFile = new HashSet<>();
        for (PaygovClient.Transaction t : file) {
            inFile.add(t.orderId());
            Payment payment = known.computeIfAbsent(t.orderId(), id -> payment(id).orElse(null));
            if ("SUCCESS".equals(t.status())) {
                if (payment == null || payment.state() != PaymentState.PAID) {
                    items.add(new Item(Kind.PAID_AT_PAYGOV_ONLY, t.orderId(), t.transactionId(), payment == null ? null : payment.dossierCode(),
                            t.amount(), payment == null ? null : payment.amount(), t.status(), payment == null ? null : payment.state().name()));
                } else if (t.amount() != payment.amount()) {
                    items.add(item(Kind.AMOUNT_DIFFERS, t, payment));
                } else if (!t.transactionId().equals(payment.transactionId())) {
                    // a second successful transaction for an order already paid by another one
                    items.add(item(Kind.STATUS_DIFFERS, t, payment));
                }
            } else if (payment != null && payment.state() == PaymentState.PAID && t.transactionId().equals(payment.transactionId())) {
                items.add(item(Kind.STATUS_DIFFERS, t, payment));
            }
        }
        for (Payment p : paidHere) {
            if (!inFile.contains(p.id().toString())) {
                items.add(new Item(Kind.PAID_HERE_ONLY, p.id().toString(), p.transactionId(), p.dossierCode(), null, p.amount(), null,
                        p.state().name()));
            }
        }
        return items;
    }

    private static Item item(Kind kind, PaygovClient.Transaction t, Payment p) {
        return new Item(kind, t.orderId(), t.transactionId(), p.dossierCode(), t.amount(), p.amount(), t.status(), p.state().name());
    }

    private Optional<Payment> payment(String orderId) {
        try {
            return payments.byId(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void save(Report r) {
        jdbc.sql("""
                        INSERT INTO payment_reconciliation (id, business_date, run_at, run_by, paygov_rows, platform_paid, mismatches, file_checksum)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.date(), Timestamp.from(r.runAt()), r.runBy(), r.paygovRows(), r.platformPaid(), r.mismatches(),
                        r.fileChecksum())
                .update();
        int position = 0;
        for (Item i : r.items()) {
            jdbc.sql("""
                            INSERT INTO payment_reconciliation_item (reconciliation_id, position, kind, order_id, transaction_id, dossier_code,
                                                                     paygov_amount, platform_amount, paygov_status, platform_state)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), position++, i.kind().name(), i.orderId(), i.transactionId(), i.dossierCode(), i.paygovAmount(),
                            i.platformAmount(), i.paygovStatus(), i.platformState())
                    .update();
        }
    }

    /** The latest reports, newest first, without their items. */
    List<Report> recent(int limit) {
        return jdbc.sql("""
                        SELECT id, business_date, run_at, run_by, paygov_rows, platform_paid, mismatches, file_checksum
                        FROM payment_reconciliation ORDER BY run_at DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Report(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), List.of()))
                .list();
    }

    Optional<Report> report(UUID id) {
        return jdbc.sql("""
                        SELECT id, business_date, run_at, run_by, paygov_rows, platform_paid, mismatches, file_checksum
                        FROM payment_reconciliation WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Report(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), items(id)))
                .optional();
    }

    private List<Item> items(UUID id) {
        return jdbc.sql("""
                        SELECT kind, order_id, transaction_id, dossier_code, paygov_amount, platform_amount, paygov_status, platform_state
                        FROM payment_reconciliation_item WHERE reconciliation_id = ? ORDER BY position""")
                .param(id)
                .query((rs, n) -> new Item(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The report as CSV (UTF-8 with BOM, so that spreadsheet programs read the Vietnamese right). */
    static String csv(Report r) {
        StringBuilder csv = new StringBuilder("\uFEFFkind,kind_name,order_id,transaction_id,dossier_code,paygov_amount,platform_amount,paygov_status,platform_state\n");
        for (Item i : r.items()) {
            csv.append(String.join(",", i.kind().name(), quoted(i.kind().vietnameseName()), quoted(i.orderId()), quoted(i.transactionId()),
                    quoted(i.dossierCode()), i.paygovAmount() == null ? "" : i.paygovAmount().toString(),
                    i.platformAmount() == null ? "" : i.platformAmount().toString(), quoted(i.paygovStatus()), quoted(i.platformState())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        // a cell starting with = + - @ would be a formula in a spreadsheet
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
