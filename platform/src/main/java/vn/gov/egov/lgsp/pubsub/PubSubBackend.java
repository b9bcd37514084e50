package vn.gov.egov.lgsp.pubsub;

import java.util.List;
import java.util.UUID;

/**
 * Where events are kept and how they reach subscribers: PostgreSQL (outbox and queues) or Kafka (topic per event
 * type). Both keep the idempotency keys, the pull queues and the dead letters in PostgreSQL ({@link EventOutbox},
 * {@link DeliveryQueue}); one contract test suite holds them to the same behaviour.
 */
interface PubSubBackend {

    /** One accepted event: its id (the first one's when the idempotency key was seen before). */
    record Accepted(UUID id, String idempotencyKey, boolean duplicate) {
    }

    /** Stores the events once per idempotency key and queues them for the type's subscriptions, in one transaction. */
    List<Accepted> publish(EventType type, String publisher, List<NewEvent> events);

    /** Starts this node's delivery workers (push, relays, lease expiry). */
    void startWorkers();

    /** Stops them, letting deliveries in flight end; undelivered events stay queued. */
    void stopWorkers();
}
