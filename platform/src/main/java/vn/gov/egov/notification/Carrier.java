package vn.gov.egov.notification;

import java.util.Optional;

/** One way of delivering messages: e-mail or SMS. */
interface Carrier {

    NotificationChannel channel();

    /** Why the channel cannot send (not configured), in Vietnamese for the administrator; empty when it can. */
    Optional<String> unavailable();

    /**
     * Sends the message; returns the carrier's id of it.
     *
     * @throws DeliveryFailed with a reason free of personal data
     */
    String send(String recipient, String subject, String body, String reference);
}
