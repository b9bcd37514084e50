package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published, in the transaction that made it, each time a dossier moves. Notifications, the national portal's status
 * reports, processing and statistics listen.
 *
 * @param action            what happened: {@code SUBMITTED}, {@code RECEIVED}, {@code SUPPLEMENT_REQUESTED},
 *                          {@code SUPPLEMENTED}, {@code REFUSED}, {@code WITHDRAWN}, {@code PROCESSING_STARTED},
 *                          {@code RESCHEDULED} (apology with a new appointment), {@code RESOLVED}, {@code RETURNED}
 * @param appointmentDate   the appointment printed for the applicant, when the action set or changed it
 * @param externalReference the national portal's dossier id or the VNPost item number, if it came that way
 * @param applicantAccount  the citizen's account, {@code null} when the applicant has none (desk, post)
 * @param note              reasons or the list of what is missing, as the applicant sees it
 * @param dueAt             when the dossier is due (after reception; moved by stopped clocks and apologies)
 * @param outcome           from {@code RESOLVED} on: approved or refused
 * @param late              the dossier counts as late: resolved after its due time, or an apology was issued
 */
public record DossierStatusChanged(UUID dossierId, String dossierCode, String procedureCode, String procedureName,
                                   String receivingAgency, DossierChannel channel, DossierStatus status, DossierStatus previous,
                                   String action, Instant at, LocalDate appointmentDate, String externalReference,
                                   UUID applicantAccount, String note, Instant dueAt, DossierOutcome outcome, boolean late) {

    /** A move before processing: no due time, no outcome. */
    public DossierStatusChanged(UUID dossierId, String dossierCode, String procedureCode, String procedureName,
                                String receivingAgency, DossierChannel channel, DossierStatus status, DossierStatus previous,
                                String action, Instant at, LocalDate appointmentDate, String externalReference,
                                UUID applicantAccount, String note) {
        this(dossierId, dossierCode, procedureCode, procedureName, receivingAgency, channel, status, previous, action, at,
                appointmentDate, externalReference, applicantAccount, note, null, null, false);
    }
}
