package vn.gov.egov.lgsp.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) over the previous record's hash and the record's canonical content: every field in a fixed order,
 * each written as its length, a colon and its UTF-8 text ({@code -} for null), so that no two contents share a text.
 */
final class RecordHash {

    private static final String VERSION = "lgsp-log-1";

    private RecordHash() {
    }

    static String of(LogRow r) {
        StringBuilder text = new StringBuilder(512).append(VERSION);
        field(text, r.previousHash());
        field(text, r.nodeId());
        field(text, Long.toString(r.sequence()));
        field(text, r.requestId());
        field(text, Long.toString(r.atMicros()));
        field(text, r.kind());
        field(text, r.consumer());
        field(text, r.clientId());
        field(text, r.service());
        field(text, r.method());
        field(text, r.path());
        field(text, Integer.toString(r.status()));
        field(text, r.errorClass());
        field(text, Long.toString(r.requestBytes()));
        field(text, Long.toString(r.responseBytes()));
        field(text, Long.toString(r.totalMicros()));
        field(text, Long.toString(r.providerMicros()));
        field(text, r.requestHash());
        field(text, r.responseHash());
        field(text, r.securityLevel());
        field(text, r.requestBody());
        field(text, r.responseBody());
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("|-");
        } else {
            text.append('|').append(value.length()).append(':').append(value);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
