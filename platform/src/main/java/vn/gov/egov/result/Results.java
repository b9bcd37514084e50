package vn.gov.egov.result;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issuing, revoking and reading the results of dossiers. */
public interface Results {

    /**
     * Renders the result as PDF (Vietnamese fonts, a QR code to its public verification page), signs it with the
     * issuing agency's key, stores it in the central repository and, when the applicant has an account, in their
     * personal document store; records it, audits it and publishes {@link ResultIssued} in one transaction.
     *
     * @throws vn.gov.egov.signing.SigningRefused when the agency's certificate cannot sign (expired, not yet valid,
     *                                            revoked, no key): nothing is written then
     * @throws IllegalArgumentException           for an incomplete {@link ResultIssue} (Vietnamese message)
     */
    IssuedResult issue(ResultIssue issue);

    /**
     * Revokes a result (its verification page then says it no longer stands), audited, publishing {@link ResultRevoked}.
     *
     * @throws java.util.NoSuchElementException when there is no such result
     * @throws IllegalStateException            when it was revoked already (Vietnamese message)
     * @throws IllegalArgumentException         when the reason is blank
     */
    ResultDocument revoke(UUID resultId, String reason, String by);

    /** The dossier's results, newest first. */
    List<ResultDocument> ofDossier(UUID dossierId);

    Optional<ResultDocument> find(UUID resultId);

    /** The signed PDF as issued. */
    Optional<byte[]> content(UUID resultId);
}
