package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one-stop desk's side: the queue of dossiers to receive and the three decisions — accept (with the appointment
 * from the working-day calendar and the receipt), request supplements, refuse — and the registration of dossiers
 * that come in person, by post or from the national portal. An officer acts only for the agencies where they hold a
 * one-stop officer's position; otherwise {@link DossierActionRefused} ({@code not-permitted}).
 */
public interface DossierReception {

    /** A dossier waiting in the queue, with the time left to act. */
    record Queued(DossierSummary dossier, Instant receptionDueAt, boolean overdue) {
    }

    /** What acceptance gave: the appointment and the receipt. */
    record Accepted(DossierCode code, Instant receivedAt, Instant dueAt, LocalDate appointmentDate, String receiptSha256) {
    }

    /** The dossiers waiting for the officer's agencies, the most urgent first. */
    List<Queued> queue(String officerUsername, int limit);

    /** The dossiers of the officer's agencies sent back for supplements and not completed yet, oldest first. */
    List<DossierSummary> sentBack(String officerUsername, int limit);

    /** A dossier of one of the officer's agencies, in full. */
    Optional<DossierDetail> forOfficer(String officerUsername, String code);

    /** A document's or paper's content, when it belongs to a dossier of one of the officer's agencies. */
    Optional<byte[]> content(String officerUsername, String code, String sha256);

    Accepted accept(String officerUsername, String code);

    /** Sends the dossier back: what is missing and why; issues the supplement request (phiếu yêu cầu bổ sung). */
    void requestSupplement(String officerUsername, String code, List<MissingItem> missing);

    /** Refuses to receive, with reasons; issues the refusal (phiếu từ chối). */
    void refuse(String officerUsername, String code, List<String> reasons);

    /**
     * Registers a dossier that came in person, by post or from the national portal; it enters the same queue.
     * Idempotent by ({@code channel}, {@code externalReference}). At the desk {@code registeredBy} must be a one-stop
     * officer of the agency.
     *
     * @throws SubmissionRefused when the procedure, agency, applicant or files are wrong
     */
    Dossiers.Submitted register(IncomingDossier incoming);

    /** Papers the applicant brought to complete a dossier sent back for supplements (scanned at the desk). */
    void supplementAtDesk(String officerUsername, String code, List<AttachedDocument> documents);
}
