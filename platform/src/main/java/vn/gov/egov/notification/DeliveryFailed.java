package vn.gov.egov.notification;

/**
 * A message not delivered. {@code permanent}: trying again cannot help (the recipient or text was refused). The
 * message never holds the recipient or the text.
 */
class DeliveryFailed extends RuntimeException {

    private final boolean permanent;

    DeliveryFailed(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
