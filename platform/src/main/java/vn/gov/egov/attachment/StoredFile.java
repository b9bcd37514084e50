package vn.gov.egov.attachment;

import java.time.Instant;

/** A file in the central repository, known by the SHA-256 of its content (64 lower-case hex digits). */
public record StoredFile(String sha256, MediaKind kind, String mediaType, long size, Integer pages, Instant firstStoredAt) {
}
