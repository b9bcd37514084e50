package vn.gov.egov.lgsp.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the gateway adds to a call, for consumers and providers that check it. The response hash binds an answer to
 * its request: {@code base64url(SHA-256(UTF-8(requestId + "\n" + requestHash + "\n") || responseBody))} without
 * padding, where {@code requestHash = base64url(SHA-256(requestBody))} (an empty body hashes as empty bytes).
 */
public final class GatewayHeaders {

    /** Gateway paths start with this prefix: {@code /lgsp/r1/{provider}/{subsystem}/{service}/{version}/...}. */
    public static final String PATH_PREFIX = "/lgsp/r1";
    /** The gateway's id of the call (a UUID), sent to the provider and back to the consumer. */
    public static final String REQUEST_ID = "X-Lgsp-Request-Id";
    /** {@code member/subsystem} of the caller: optional from the consumer (must match its token), always to the provider. */
    public static final String CLIENT = "X-Lgsp-Client";
    /** The called service's address ({@code provider/subsystem/service/version}), toward the provider. */
    public static final String SERVICE = "X-Lgsp-Service";
    /** base64url SHA-256 of the request body, toward provider and consumer. */
    public static final String REQUEST_HASH = "X-Lgsp-Request-Hash";
    /** The hash binding the response to the request (see the class comment), toward the consumer. */
    public static final String RESPONSE_HASH = "X-Lgsp-Response-Hash";
    /** The error class of a refusal or failure ({@code gateway.<reason>} or {@code provider.<reason>}). */
    public static final String ERROR = "X-Lgsp-Error";

    private GatewayHeaders() {
    }

    /** base64url (no padding) SHA-256 of a body: the request hash. */
    public static String bodyHash(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256().digest(body));
    }

    /** The response hash of {@code responseBody} answering the request {@code requestId} with {@code requestHash}. */
    public static String responseHash(String requestId, String requestHash, byte[] responseBody) {
        MessageDigest digest = sha256();
        digest.update((requestId + "\n" + requestHash + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(responseBody);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
