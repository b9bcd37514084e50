package vn.gov.egov.lgsp.messagelog;

import java.time.Instant;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * One record of the message log as the queries return it: the metadata of a {@link LoggedCall}, where it sits in its
 * node's chain, and whether bodies were kept (they are only opened on demand, see {@link MessageLogQueries#bodies}).
 *
 * @param nodeId      the node whose writer appended it (one chain per node)
 * @param sequence    its place in that chain, from 1
 * @param purged      past retention: its content is erased, only its place and hashes remain
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
        boolean purged,
        String hash) {

    /** Success, or whose fault: {@code ok}, {@code gateway_error}, {@code provider_error}. */
    public String outcome() {
        if (errorClass == null) {
            return "ok";
        }
        return errorClass.startsWith("provider.") ? "provider_error" : "gateway_error";
    }
}
