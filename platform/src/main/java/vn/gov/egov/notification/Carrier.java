package vn.gov.egov.notification;

import java.util.List;
import java.util.Optional;

/** One way of delivering messages: e-mail or SMS. */
interface Carrier {

    /** A message to send; {@code reference} is the dossier code the carrier keeps with it. */
    record Outgoing(String recipient, String subject, String body, String reference) {
    }

    /** What became of one message of a batch: the carrier's id of it, or why it was not delivered. */
    record Outcome(String providerId, DeliveryFailed failure) {

        static Outcome sent(String providerId) {
            return new Outcome(providerId, null);
        }

        static Outcome failed(DeliveryFailed failure) {
            return new Outcome(null, failure);
        }
    }

    NotificationChannel channel();

    /** Why the channel cannot send (not configured), in Vietnamese for the administrator; empty when it can. */
    Optional<String> unavailable();

    /**
     * Sends the messages together (one gateway request, one mail-server connection); the outcomes are in their order.
     * A failure of the whole batch is the failure of each message. Reasons are free of personal data.
     */
    List<Outcome> send(List<Outgoing> messages);

    /**
     * Sends one message; returns the carrier's id of it.
     *
     * @throws DeliveryFailed with a reason free of personal data
     */
    default String send(String recipient, String subject, String body, String reference) {
        Outcome outcome = send(List.of(new Outgoing(recipient, subject, body, reference))).get(0);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.providerId();
    }
}
