package vn.gov.egov.nationalportal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.payment.FeePaid;
import vn.gov.egov.payment.PaymentRequested;

/**
 * Reports every status change of every dossier, whatever its channel, to the national portal: the listener only
 * enqueues the report, in the dossier's own transaction (the queue is the outbox: the report is there exactly when the
 * change is, with no event publication and no second transaction per change); {@link SendingStatusReports} sends the
 * queue in batches, woken once this transaction commits. The payment events, which read the dossier, are enqueued
 * after their transaction in their own (a failure leaves the event publication incomplete and it is resubmitted,
 * {@link PortalSchedule}). Each report carries its {@link #reportKey key}, so a report sent twice (a retry after a lost
 * answer, a redelivered event) is kept once on the portal.
 */
@Component
class StatusReporting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The national status of a dossier whose applicant has a financial obligation to meet (formats.md). */
    static final int FINANCIAL_OBLIGATION = 6;
    private static final java.text.NumberFormat DONG = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi"));

    private final StatusReportQueue queue;
    private final SendingStatusReports sending;
    private final DossierProgress dossiers;

    StatusReporting(StatusReportQueue queue, SendingStatusReports sending, DossierProgress dossiers) {
        this.queue = queue;
        this.sending = sending;
        this.dossiers = dossiers;
    }

    @EventListener
    void on(DossierStatusChanged changed) {
        if (changed.status().nationalCode() < 1) {
            return;
        }
        Map<String, Object> report = report(changed);
        if (queue.enqueue((String) report.get("reportKey"), changed.dossierCode(), changed.status().nationalCode(),
                JSON.writeValueAsString(report), Instant.now())) {
            sending.wakeAfterCommit();
        }
    }

    /** Fees to pay: the portal shows the dossier as waiting for its financial obligation (status 6). */
    @ApplicationModuleListener
    void on(PaymentRequested requested) {
        dossiers.detail(requested.dossierId()).ifPresent(d -> enqueue(report(d, "PAYMENT_REQUESTED|" + requested.paymentId(),
                FINANCIAL_OBLIGATION, "Chờ thực hiện nghĩa vụ tài chính", requested.requestedAt(),
                "Phí, lệ phí phải nộp: %s đồng".formatted(format(requested.amount())))));
    }

    /** Paid: the portal shows the dossier's own status again, with the payment noted. */
    @ApplicationModuleListener
    void on(FeePaid paid) {
        dossiers.detail(paid.dossierId()).filter(d -> d.summary().status().nationalCode() >= 1)
                .ifPresent(d -> enqueue(report(d, "FEE_PAID|" + paid.paymentId(), d.summary().status().nationalCode(),
                        d.summary().status().vietnameseName(), paid.paidAt(), "Đã nộp phí, lệ phí: %s đồng%s"
                                .formatted(format(paid.amount()), paid.online() ? " (trực tuyến)" : ""))));
    }

    private void enqueue(Map<String, Object> report) {
        if (queue.enqueue((String) report.get("reportKey"), (String) report.get("dossierCode"), (Integer) report.get("status"),
                JSON.writeValueAsString(report), Instant.now())) {
            sending.wakeAfterCommit();
        }
    }

    private static Map<String, Object> report(DossierDetail d, String move, int status, String statusText, Instant at, String note) {
        return report(new Move(UUID.nameUUIDFromBytes((d.summary().id() + "|" + move).getBytes(StandardCharsets.UTF_8)).toString(),
                d.summary().code(), d.summary().channel(), d.externalReference(), d.summary().procedureCode(), status, statusText, at,
                d.summary().appointmentDate(), note));
    }

    /** What a report says of one move of a dossier, from an event or from the dossier as it is now. */
    private record Move(String reportKey, String dossierCode, DossierChannel channel, String externalReference, String procedureCode,
                        int status, String statusText, Instant at, LocalDate appointmentDate, String note) {
    }

    private static Map<String, Object> report(Move move) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportKey", move.reportKey());
        report.put("dossierCode", move.dossierCode());
        if (move.channel() == DossierChannel.NATIONAL_PORTAL && move.externalReference() != null) {
            report.put("portalDossierId", move.externalReference());
        }
        report.put("procedureCode", move.procedureCode());
        report.put("channel", move.channel().nationalCode());
        report.put("status", move.status());
        report.put("statusText", move.statusText());
        report.put("at", move.at().toString());
        if (move.appointmentDate() != null) {
            report.put("appointmentDate", move.appointmentDate().toString());
        }
        if (move.note() != null && !move.note().isBlank()) {
            report.put("note", move.note());
        }
        return report;
    }

    private static String format(long amount) {
        synchronized (DONG) {
            return DONG.format(amount);
        }
    }

    static Map<String, Object> report(DossierStatusChanged changed) {
        return report(new Move(reportKey(changed), changed.dossierCode(), changed.channel(), changed.externalReference(),
                changed.procedureCode(), changed.status().nationalCode(), changed.status().vietnameseName(), changed.at(),
                changed.appointmentDate(), changed.note()));
    }

    /**
     * The report's unique id on the portal's side: the same for a redelivered event or a retry (the portal ignores one it
     * has seen), different for each move of the dossier — one dossier never makes two moves of one kind at one instant.
     */
    static String reportKey(DossierStatusChanged changed) {
        return UUID.nameUUIDFromBytes((changed.dossierId() + "|" + changed.action() + "|" + changed.at())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
