package vn.gov.egov.dossier;

import java.time.Instant;

/** Issues dossier codes: each one once, never again, on any node. */
public interface DossierCodes {

    /**
     * The next code of the receiving agency (its catalog code in {@code agencies}) for the day the dossier was
     * received, in Vietnam time. The number is taken and committed in its own transaction, before the dossier's: if
     * the dossier is not written, the number is skipped, not reused. Called inside a transaction it refuses, since
     * holding one pooled connection while waiting for another lets a burst of submissions exhaust the pool.
     *
     * @throws IllegalArgumentException the agency is unknown on that day or has no QCVN 102 code
     * @throws IllegalStateException called inside a transaction
     * @throws DailyDossierCodesExhausted the agency has used all the day's numbers
     */
    DossierCode next(String agencyCatalogCode, Instant receivedAt);
}
