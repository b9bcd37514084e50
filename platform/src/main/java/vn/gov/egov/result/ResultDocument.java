package vn.gov.egov.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued result as recorded; the signed PDF is {@link Results#content(UUID)}. The holder's name only masked
 * ("Nguyễn V. A."). Revocation fields are null while it stands.
 */
public record ResultDocument(UUID resultId, UUID dossierId, String dossierCode, String procedureCode, String procedureName,
                             ResultType type, String title, String decisionNumber, String agencyCode, String agencyName,
                             String holderMasked, String signerName, String signerTitle, String sha256, Instant issuedAt,
                             LocalDate validFrom, LocalDate validUntil, Instant revokedAt, String revokedBy,
                             String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the day is within its validity (the issue day when no start is given; open-ended without an end). */
    public boolean validOn(LocalDate day, java.time.ZoneId zone) {
        LocalDate from = validFrom != null ? validFrom : issuedAt.atZone(zone).toLocalDate();
        return !day.isBefore(from) && (validUntil == null || !day.isAfter(validUntil));
    }
}
