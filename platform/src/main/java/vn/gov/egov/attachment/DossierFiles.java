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

    Optional<StoredFile> find(String sha256);

    Optional<byte[]> content(String sha256);
}
