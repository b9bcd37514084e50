package vn.gov.egov.result;

import java.time.Instant;
import java.util.UUID;

/** Published when a result was issued (after it was signed and stored). */
public record ResultIssued(UUID resultId, UUID dossierId, String dossierCode, ResultType type, Instant issuedAt) {
}
