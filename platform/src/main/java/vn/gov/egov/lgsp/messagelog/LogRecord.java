package vn.gov.egov.lgsp.messagelog;

import java.time.Instant;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * One record of the message log as the queries return it: the metadata of a {@link LoggedCall}, where it sits in its
 * node's chain, and whether bodies were kept (they are only opened on demand, see {@link MessageLogQueries#bodies}).
 *
 * @param nodeId      the chain it belongs to: the writing node and the security level, {@code <node>:<LEVEL>} (each
 *                    node keeps one chain per security level, so that each is kept for its own period)
 * @param sequence    its place in that chain, from 1
 * @param hash        its chain hash (SHA-256, hex)
 */
public record LogRecord(
        String nodeId,
        long sequence,
        String requestId,
        Instant at,
        String kind,
        String consumer,
        String clientId,
        String service,
        String method,
        String path,
        int status,
        String errorClass,
        long requestBytes,
        long responseBytes,
        long totalMicros,
        long providerMicros,
        String requestHash,
        String responseHash,
        SecurityLevel securityLevel,
        boolean hasRequestBody,
        boolean hasResponseBody,
        String hash) {

    /** Success, or whose fault: {@code ok}, {@code gateway_error}, {@code provider_error}. */
    public String outcome() {
        if (errorClass == null) {
            return "ok";
        }
        return errorClass.startsWith("provider.") ? "provider_error" : "gateway_error";
    }
}
