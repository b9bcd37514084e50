package vn.gov.egov.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.egov.procedure.Fee;

/** One payment request of a dossier, as stored; its id is PayGov's order id. */
record Payment(UUID id, UUID dossierId, String dossierCode, String procedureCode, String procedureName, String agencyCode,
               List<Fee> fees, long amount, PaymentState state, String requestedBy, Instant requestedAt, Instant updatedAt,
               int attempts, String transactionId, Instant paidAt, String confirmedBy, String receiptNumber, String receiptSha256) {

    Payment {
        fees = List.copyOf(fees);
    }

    static long total(List<Fee> fees) {
        return fees.stream().mapToLong(Fee::amount).sum();
    }
}
