package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;

/** What anyone with the dossier code may see: status, agency and dates, nothing personal. */
public record PublicStatus(String code, String procedureCode, String procedureName, String receivingAgency,
                           String receivingAgencyName, DossierStatus status, String statusName, DossierChannel channel,
                           Instant submittedAt, Instant receivedAt, LocalDate appointmentDate, Instant updatedAt) {
}
