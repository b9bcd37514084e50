package vn.gov.egov.attachment;

import java.util.Optional;

/** The central dossier repository: every file of every dossier stored once by its content hash. */
public interface DossierFiles {

    /**
     * Checks type by CONTENT (magic bytes + parse: PDF parsed by PDFBox for page count and to reject broken/encrypted
     * files; JPEG/PNG headers + dimensions), size limit, page limit, file-name sanity, the declared type/extension
     * agreeing with the content, and the malware scan when ClamAV is configured. Does not store.
     *
     * @throws RejectedFile naming the field, the file and the rule
     */
    CheckedFile check(Upload upload);

    /**
     * Stores in the caller's transaction (one row per hash; a reference row per call with provenance, file name,
     * time). Idempotent by hash. A refused submission leaves nothing behind; a rolled-back one leaves no row, and the
     * file it wrote first is removed by the orphan sweep after its grace period.
     */
    StoredFile store(CheckedFile file, Provenance provenance);

    /**
     * Ends one use of a file stored with this provenance (a file taken out of a draft, a deleted draft): one of its
     * references goes, in the caller's transaction. A file that no reference and no personal document points at any
     * more is removed by the sweep after the grace period. Nothing happens when there is no such reference.
     */
    void release(String sha256, Provenance provenance);

    Optional<StoredFile> find(String sha256);

    Optional<byte[]> content(String sha256);
}
