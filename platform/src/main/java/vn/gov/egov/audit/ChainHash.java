package vn.gov.egov.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of an entry's canonical JSON ({@link CanonicalJson}), as 64 lowercase hex digits. */
final class ChainHash {

    private ChainHash() {
    }

    static String of(long sequence, EntryContent content, String previousHash) {
        return sha256(CanonicalJson.hashed(sequence, content, previousHash));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
