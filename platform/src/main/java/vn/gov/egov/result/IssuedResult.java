package vn.gov.egov.result;

import java.time.Instant;
import java.util.UUID;

/** A result issued: its id, the SHA-256 of the signed PDF, the public verification address its QR code holds. */
public record IssuedResult(UUID resultId, String sha256, String verificationUrl, Instant issuedAt) {
}
