package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published, in the transaction that made it, each time a dossier moves: submitted, received, sent back for
 * supplements, supplemented, refused, withdrawn. Notifications and the national portal's status reports listen.
 *
 * @param action            what happened: {@code SUBMITTED}, {@code RECEIVED}, {@code SUPPLEMENT_REQUESTED},
 *                          {@code SUPPLEMENTED}, {@code REFUSED}, {@code WITHDRAWN}
 * @param externalReference the national portal's dossier id or the VNPost item number, if it came that way
 * @param applicantAccount  the citizen's account, {@code null} when the applicant has none (desk, post)
 * @param note              reasons or the list of what is missing, as the applicant sees it
 */
public record DossierStatusChanged(UUID dossierId, String dossierCode, String procedureCode, String procedureName,
                                   String receivingAgency, DossierChannel channel, DossierStatus status, DossierStatus previous,
                                   String action, Instant at, LocalDate appointmentDate, String externalReference,
                                   UUID applicantAccount, String note) {
}
