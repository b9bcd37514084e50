package vn.gov.egov.attachment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A document in someone's personal store; its content is the central repository's file {@code sha256}. */
public record PersonalDocument(UUID id, DocumentOwner owner, String title, PersonalDocumentKind kind, String sha256,
                               String mediaType, long size, String sourceDossierCode, LocalDate issuedOn,
                               LocalDate validUntil, Instant addedAt) {
}
