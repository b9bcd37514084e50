package vn.gov.egov.lgsp.messagelog;

import java.time.Instant;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * One exchange through the LGSP as the message log keeps it.
 *
 * @param requestId     the gateway's request id (also sent to provider and consumer)
 * @param at            when the gateway received the request
 * @param kind          what was exchanged: {@code CALL} (a service call), {@code PUBLISH}, {@code DELIVERY}
 * @param consumer      {@code member/subsystem} of the caller, or null when it could not be identified
 * @param clientId      the SSO client id from the token, or null
 * @param service       the service address path ({@code provider/subsystem/service/version}) or event type, or
 *                      null when the request named none that is registered
 * @param method        HTTP method
 * @param path          the path beneath the service (no query string: it may hold personal data)
 * @param status        HTTP status returned to the caller
 * @param errorClass    null on success; else {@code gateway.<reason>} (refused or failed by the LGSP) or
 *                      {@code provider.<reason>} (the provider failed or answered with an error)
 * @param requestBytes  request body size
 * @param responseBytes response body size
 * @param totalMicros   time from receiving the request to the last byte of the answer
 * @param providerMicros time spent waiting for the provider (0 when it was not called)
 * @param requestHash   SHA-256 (base64url) of the request body, or null
 * @param responseHash  SHA-256 (base64url) of the response body bound to the request (see the gateway), or null
 * @param securityLevel the service's classification (decides retention)
 * @param requestBody   the request body when the service logs bodies, else null (sealed at rest by the log)
 * @param responseBody  the response body when the service logs bodies, else null
 */
public record LoggedCall(
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
        byte[] requestBody,
        byte[] responseBody) {
}
