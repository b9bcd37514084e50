/**
 * Fees and charges paid online through PayGov (issue 5, item 5). A dossier of a procedure with fees gets a payment
 * request when it is received (or when the one-stop officer sets one); the citizen pays on PayGov, which sends the
 * browser back and notifies the platform server to server; only a verified notification or a status query to PayGov
 * marks a payment paid. An electronic receipt (biên lai điện tử) goes to the central repository. A daily
 * reconciliation with PayGov's file reports every mismatch.
 * <p>
 * API: {@link vn.gov.egov.payment.Payments}, {@link vn.gov.egov.payment.PaymentState} and the event
 * {@link vn.gov.egov.payment.FeePaid}; the page fragment {@code payment/fragments :: state(dossierCode)}. Everything
 * else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fees and online payment (PayGov)")
package vn.gov.egov.payment;
