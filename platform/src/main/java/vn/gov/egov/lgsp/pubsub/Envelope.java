package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as subscribers receive it. {@code data} is the publisher's JSON as it was validated; {@code attempts}
 * counts deliveries tried so far for the subscription at hand (1 on the first).
 */
record Envelope(long seq, UUID id, String eventType, String idempotencyKey, String orderingKey, Instant publishedAt,
                String data, int attempts) {
}
