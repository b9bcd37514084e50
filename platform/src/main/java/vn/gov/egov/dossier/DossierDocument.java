package vn.gov.egov.dossier;

import java.time.Instant;

/** One document of a dossier, its content in the central dossier repository under {@code sha256}. */
public record DossierDocument(int position, String requiredDocument, String fileName, String sha256, String mediaType,
                              long size, Integer pages, String source, int supplementRound, Instant addedAt) {
}
