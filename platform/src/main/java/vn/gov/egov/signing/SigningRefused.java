package vn.gov.egov.signing;

/**
 * Signing refused, with a Vietnamese message naming the agency, the certificate and the rule. Reasons:
 * {@code EXPIRED}, {@code NOT_YET_VALID}, {@code REVOKED}, {@code NO_KEY}, {@code KEY_UNUSABLE}, {@code TIMESTAMP_UNAVAILABLE}.
 */
public class SigningRefused extends RuntimeException {

    private final String reason;

    public SigningRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SigningRefused(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
