package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import java.util.UUID;

/**
 * A consumer system's subscription to an event type: push (signed webhook) or pull. Requested by the consumer,
 * approved (or refused, with a reason) by the provider's side; only an ACTIVE one receives, a PAUSED one keeps its
 * queue, a REVOKED or REFUSED one is over.
 */
record Subscription(UUID id, UUID eventTypeId, String consumerMember, String consumerSubsystem, String clientId,
                    Mode mode, String webhookUrl, State state, Instant requestedAt, Instant decidedAt, String decidedBy) {

    enum Mode { PUSH, PULL }

    enum State { REQUESTED, ACTIVE, PAUSED, REVOKED, REFUSED }

    public String consumer() {
        return consumerMember + "/" + consumerSubsystem;
    }
}
