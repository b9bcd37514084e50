package vn.gov.egov.lgsp.messagelog;

/**
 * A record as stored (bodies sealed, time in microseconds since the epoch); what the chain hash covers.
 */
record LogRow(String nodeId, long sequence, String requestId, long atMicros, String kind, String consumer,
              String clientId, String service, String method, String path, int status, String errorClass,
              long requestBytes, long responseBytes, long totalMicros, long providerMicros, String requestHash,
              String responseHash, String securityLevel, String requestBody, String responseBody,
              String previousHash, String hash, boolean purged) {

    static final String GENESIS = "0".repeat(64);

    /** The hash this row's content and predecessor give. */
    String computedHash() {
        return RecordHash.of(this);
    }

    boolean intact() {
        return computedHash().equals(hash);
    }

    boolean hasContent() {
        return requestId != null || consumer != null || clientId != null || service != null || path != null
                || requestBody != null || responseBody != null || requestHash != null || responseHash != null;
    }
}
