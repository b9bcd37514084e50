package vn.gov.egov.dossier;

import java.util.UUID;
import vn.gov.egov.attachment.Upload;

/**
 * One document given with a dossier for one of the procedure's required documents: either a new file, or a document
 * of the applicant's personal document store (earlier results, digitized papers). Exactly one of the two.
 *
 * @param requiredDocument the required document's name as the procedure lists it; {@code null} for an extra paper
 */
public record AttachedDocument(String requiredDocument, Upload upload, UUID personalDocumentId) {

    public static AttachedDocument uploaded(String requiredDocument, Upload upload) {
        return new AttachedDocument(requiredDocument, upload, null);
    }

    public static AttachedDocument fromPersonalStore(String requiredDocument, UUID personalDocumentId) {
        return new AttachedDocument(requiredDocument, null, personalDocumentId);
    }
}
