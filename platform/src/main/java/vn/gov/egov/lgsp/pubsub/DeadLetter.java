package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import java.util.UUID;

/** An event a subscription could not receive within the attempts allowed: kept until replayed or discarded. */
record DeadLetter(UUID subscriptionId, UUID eventId, String eventType, String idempotencyKey, String orderingKey,
                  Instant publishedAt, int attempts, String lastError) {
}
