package vn.gov.egov.attachment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The personal document store of citizens and businesses ("kho quản lý dữ liệu điện tử của tổ chức, cá nhân"). */
public interface PersonalDocumentStore {

    /** The owner's documents, newest first. */
    List<PersonalDocument> documents(DocumentOwner owner);

    /** Empty when there is no such document or it belongs to someone else. */
    Optional<PersonalDocument> find(DocumentOwner owner, UUID id);

    /** Adds a stored file to the owner's store (in the caller's transaction). */
    PersonalDocument add(DocumentOwner owner, String title, PersonalDocumentKind kind, StoredFile file,
                         String sourceDossierCode, LocalDate issuedOn, LocalDate validUntil);

    /**
     * Removes one of the owner's own uploads. Results and digitized papers are kept: {@link IllegalStateException}
     * with a Vietnamese message. Nothing happens for a document that is not the owner's.
     */
    void remove(DocumentOwner owner, UUID id);
}
