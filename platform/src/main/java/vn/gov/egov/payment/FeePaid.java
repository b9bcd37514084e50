package vn.gov.egov.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, in the transaction that recorded it, when a dossier's fees are paid: once per payment, never again for
 * a repeated notification. Statistics count online payments (Decision 766) from it.
 *
 * @param amount in whole đồng (VND)
 * @param online paid online through PayGov (always true for now)
 */
public record FeePaid(UUID dossierId, String dossierCode, UUID paymentId, long amount, Instant paidAt, boolean online) {
}
