package vn.gov.egov.lgsp.pubsub;

/**
 * Publishing for the platform's own modules (agency systems publish over HTTP:
 * {@code POST /api/v1/lgsp/pubsub/events/{member}/{subsystem}/{eventType}/{version}}). The payload is checked
 * against the event type's JSON Schema; the same idempotency key twice gives the first event back and never a second.
 * Refusals (unknown type, schema violation, type not publishable) are thrown as
 * {@link org.springframework.web.ErrorResponseException} carrying the problem with its {@code errorClass}.
 */
public interface EventPublishing {

    /**
     * @param payload     the event's data: a JSON text (String) or an object serialized as JSON
     * @param orderingKey events with the same key reach each subscriber in publishing order; null for none
     */
    PublishedEvent publish(String member, String subsystem, String eventType, String version, String idempotencyKey,
                           String orderingKey, Object payload);
}
