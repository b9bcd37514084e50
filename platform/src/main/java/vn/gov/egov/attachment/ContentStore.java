package vn.gov.egov.attachment;

import java.util.Optional;

/**
 * Where the bytes of the central repository's files live; {@code attachment_content} keeps the metadata row per hash
 * and says in {@code location} which store holds the bytes.
 */
interface ContentStore {

    /** The value of {@code attachment_content.location} for the files this store writes. */
    String location();

    /**
     * Makes the content durable BEFORE its metadata row is inserted in the caller's transaction, idempotent by hash.
     *
     * @return what the metadata row keeps in its {@code content} column (null: nothing)
     */
    byte[] save(String sha256, byte[] content);

    /** The content, verified against its hash only when {@code verify}; empty when this store does not hold it. */
    Optional<byte[]> read(String sha256, boolean verify);
}
