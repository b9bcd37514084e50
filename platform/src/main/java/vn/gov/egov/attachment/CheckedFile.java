package vn.gov.egov.attachment;

/** A file that passed {@link DossierFiles#check(Upload)}: its type is what its content is. Pages only for PDF. */
public record CheckedFile(String sha256, MediaKind kind, String mediaType, long size, Integer pages, String fileName,
                          byte[] content) {
}
