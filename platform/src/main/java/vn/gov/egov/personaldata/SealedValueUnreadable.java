package vn.gov.egov.personaldata;

/** A sealed value that cannot be opened. The message names the reason, the purpose and the key id, never the value. */
public class SealedValueUnreadable extends RuntimeException {

    public enum Reason {
        /** Not of the form {@code pd1:<keyId>:<base64url>}: never sealed, or cut short. */
        MALFORMED,
        /** Sealed with a key that is not configured (any more). */
        UNKNOWN_KEY,
        /** The tag does not match: the value was changed, or it was sealed for another purpose. */
        NOT_AUTHENTIC
    }

    private final Reason reason;

    public SealedValueUnreadable(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
