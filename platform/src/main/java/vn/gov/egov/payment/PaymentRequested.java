package vn.gov.egov.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, in the transaction that recorded it, when a dossier's applicant is asked to pay its fees (at reception for
 * a procedure with fees, or when the one-stop officer sets or adjusts them): the national portal shows it as the
 * dossier's financial obligation.
 *
 * @param amount in whole đồng (VND)
 */
public record PaymentRequested(UUID dossierId, String dossierCode, UUID paymentId, long amount, Instant requestedAt) {
}
