package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dossier in a list: the citizen's own list, the desk's queue. No personal number in it. */
public record DossierSummary(UUID id, String code, DossierStatus status, DossierChannel channel, String procedureCode,
                             String procedureName, String receivingAgency, String applicantName, String businessName,
                             Instant submittedAt, Instant receptionDueAt, Instant receivedAt, LocalDate appointmentDate,
                             Instant updatedAt, boolean demonstration) {
}
