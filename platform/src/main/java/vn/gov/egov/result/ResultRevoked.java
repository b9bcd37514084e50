package vn.gov.egov.result;

import java.time.Instant;
import java.util.UUID;

/** Published when a result was revoked: its verification page says so from then on. */
public record ResultRevoked(UUID resultId, UUID dossierId, String dossierCode, ResultType type, String reason,
                            String revokedBy, Instant revokedAt) {
}
