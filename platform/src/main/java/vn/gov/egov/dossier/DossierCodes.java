package vn.gov.egov.dossier;

import java.time.Instant;

/** Issues dossier codes: each one once, never again, on any node. */
public interface DossierCodes {

    /**
     * The next code of the receiving agency (its catalog code in {@code agencies}) for the day the dossier was
     * received, in Vietnam time. The number is taken in its own transaction: if the caller's transaction rolls
     * back, the number is skipped, not reused.
     *
     * @throws IllegalArgumentException the agency is unknown on that day or has no QCVN 102 code
     * @throws DailyDossierCodesExhausted the agency has used all the day's numbers
     */
    DossierCode next(String agencyCatalogCode, Instant receivedAt);
}
