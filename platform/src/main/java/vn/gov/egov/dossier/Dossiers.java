package vn.gov.egov.dossier;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The applicant's side of dossiers, and the public look-up. */
public interface Dossiers {

    /** The result of a submission; {@code replayed} when the same request (same idempotency key) came before. */
    record Submitted(UUID id, DossierCode code, DossierStatus status, boolean replayed) {
    }

    /**
     * Submits a dossier online for the citizen (or for a business they represent). All is checked first — the
     * procedure offered online, the business represented, every form field, every required document, every file —
     * and nothing is written when anything is wrong. The same {@code idempotencyKey} with the same request gives the
     * dossier of the first call; with a different request it is refused.
     *
     * @throws SubmissionRefused with every broken rule
     */
    Submitted submit(UUID citizenAccount, String idempotencyKey, DossierSubmission submission);

    /** The citizen's dossiers (own and for the businesses they represent), newest first. */
    List<DossierSummary> ofApplicant(UUID citizenAccount, int limit);

    /** One of the citizen's dossiers in full; empty when it is not theirs. */
    Optional<DossierDetail> ofApplicant(UUID citizenAccount, String code);

    /**
     * Withdraws a dossier that has not been received yet.
     *
     * @throws DossierActionRefused when it is no longer waiting for reception
     * @throws UnknownDossier       when it is not the citizen's
     */
    void withdraw(UUID citizenAccount, String code, String reason);

    /**
     * Completes a dossier sent back for supplements: new or replacing documents and, if the form was in question,
     * the corrected form. It goes back to the reception queue; the clock had not started.
     *
     * @throws SubmissionRefused    as {@link #submit}
     * @throws DossierActionRefused when no supplement was asked for
     */
    void supplement(UUID citizenAccount, String code, tools.jackson.databind.JsonNode correctedForm, List<AttachedDocument> documents);

    /**
     * The applicant's satisfaction with a returned dossier, once: 1 (very unsatisfied) to 5 (very satisfied).
     *
     * @throws DossierActionRefused when the result was not returned yet or the dossier was rated already
     */
    void rate(UUID citizenAccount, String code, int rating, String comment);

    /** The public look-up by code: status, agency and dates, nothing personal. */
    Optional<PublicStatus> publicStatus(String code);

    /** How to reach a dossier's applicant, in clear: ONLY for notifying them. */
    record ApplicantContact(String dossierCode, UUID applicantAccount, String name, String email, String phoneNumber) {
    }

    /** The applicant's contact as given on the dossier (for an applicant with an account, as their account has it). */
    Optional<ApplicantContact> contactOf(String code);

    /** A document's or paper's content, when it belongs to one of the citizen's dossiers. */
    Optional<byte[]> content(UUID citizenAccount, String code, String sha256);
}
