package vn.gov.egov.lgsp.pubsub;

import java.util.UUID;

/** An accepted event: its id, and whether the idempotency key had been published before (then it is the first's id). */
public record PublishedEvent(UUID id, String idempotencyKey, boolean duplicate) {
}
