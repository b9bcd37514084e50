package vn.gov.egov.attachment;

/**
 * A file as it arrived, not yet trusted.
 *
 * @param field             the form field or required document it was given for, named in messages (nullable)
 * @param fileName          the name the sender gave it
 * @param declaredMediaType the media type the sender claimed (nullable)
 * @param content           the bytes
 */
public record Upload(String field, String fileName, String declaredMediaType, byte[] content) {
}
