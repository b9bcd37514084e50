package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A received dossier's way to its result, as processing drives it: processing starts, a supplement request stops the
 * clock (the applicant's completion — {@link Dossiers#supplement} or {@link DossierReception#supplementAtDesk} —
 * restarts it and moves the due time by the working time it stood still), an apology sets a new appointment and
 * makes the dossier count as late, the result (or a refusal notice) resolves it, and the return closes it. Each move
 * is checked against the dossier's status under a row lock, recorded in its timeline and published as
 * {@link DossierStatusChanged}. Who may act is processing's concern (the task holder); this module records who did.
 */
public interface DossierProgress {

    /** Who acted: an official's user name and full name, or a system part. */
    record Actor(String username, String fullName) {
    }

    /** Where the processing clock stands. */
    record Clock(Instant receivedAt, Instant dueAt, LocalDate appointmentDate, Instant stoppedAt, boolean late,
                 int rescheduled, DossierOutcome outcome, Instant resolvedAt, Instant returnedAt, UUID resultId) {
    }

    /** A dossier at a glance: its summary and how its result is returned. */
    record Brief(DossierSummary summary, ResultDelivery resultDelivery) {
    }

    Optional<DossierDetail> detail(UUID dossierId);

    /**
     * The dossier's summary and result delivery from its row alone, for those that need no documents, papers, timeline
     * or form (which {@link #detail} reads and opens).
     */
    Optional<Brief> brief(UUID dossierId);

    Optional<DossierDetail> detail(String code);

    Optional<Clock> clock(UUID dossierId);

    /** The applicant's citizen account, when they have one (results go to its personal document store). */
    Optional<UUID> applicantAccount(UUID dossierId);

    /** A document's or paper's content, when it belongs to the dossier. */
    Optional<byte[]> content(UUID dossierId, String sha256);

    /** Received → in progress. Doing it again is a no-op. */
    void startProcessing(UUID dossierId, Actor actor);

    /** In progress → awaiting supplement: issues the supplement request (form 02); the clock stops. */
    void requestSupplement(UUID dossierId, Actor officer, List<MissingItem> missing);

    /**
     * The dossier will be late: issues the apology with a new appointment (form 04); the dossier counts as late and
     * is due at the end of office hours on the new date.
     *
     * @param newAppointment a working day after the current appointment
     */
    void reschedule(UUID dossierId, Actor officer, String reason, LocalDate newAppointment);

    /**
     * In progress → resolved: the result (or the refusal notice) {@code resultId} is ready to be returned. A dossier
     * resolved after its due time counts as late.
     */
    void resolve(UUID dossierId, Actor officer, DossierOutcome outcome, UUID resultId, String note);

    /**
     * Resolved → returned: online (made available to download), at the desk ({@code handedTo}: to whom) or by post
     * ({@code handedTo}: the item number).
     */
    void returnResult(UUID dossierId, Actor officer, ResultDelivery how, String handedTo);
}
