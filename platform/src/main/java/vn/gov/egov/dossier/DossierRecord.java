package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dossier's row, personal data still sealed. */
record DossierRecord(UUID id, String code, DossierStatus status, DossierChannel channel, String procedureCode,
                     String procedureName, String receivingAgency, Integer formVersion, String formSealed,
                     UUID applicantAccount, String applicantName, String applicantIdSealed, String applicantPhoneSealed,
                     String applicantEmail, String applicantAddressSealed, String businessTaxCode, String businessName, ResultDelivery resultDelivery,
                     String deliveryAddressSealed, String externalReference, String idempotencyKey, String requestHash,
                     Integer processingTimeValue, String processingTimeUnit, Instant submittedAt, Instant receptionDueAt,
                     Instant receivedAt, String receivedBy, Instant dueAt, LocalDate appointmentDate, Instant updatedAt,
                     boolean demonstration) {

    DossierSummary summary() {
        return new DossierSummary(id, code, status, channel, procedureCode, procedureName, receivingAgency, applicantName,
                businessName, submittedAt, receptionDueAt, receivedAt, appointmentDate, updatedAt, demonstration);
    }
}
