/**
 * The LGSP's publish/subscribe: event types with a JSON Schema, registered like services; providers publish;
 * subscribers receive by push (signed webhooks, retries with back-off) or pull; at-least-once delivery with
 * idempotency keys, ordering per key, dead letters replayed by an operator. Backends: PostgreSQL (default) or Kafka.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP publish/subscribe")
package vn.gov.egov.lgsp.pubsub;
