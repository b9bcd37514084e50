package vn.gov.egov.lgsp.pubsub;

/** An event to publish: the publisher's idempotency key, an optional ordering key and the JSON payload. */
record NewEvent(String idempotencyKey, String orderingKey, String data) {
}
