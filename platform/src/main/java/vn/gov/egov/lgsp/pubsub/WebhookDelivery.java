package vn.gov.egov.lgsp.pubsub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Push: POSTs a batch of events to the subscription's webhook as a JSON array, signed. Headers:
 * {@code X-Lgsp-Event-Id} and {@code X-Lgsp-Idempotency-Key} (comma-separated, in the array's order),
 * {@code X-Lgsp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. Any 2xx answer means
 * delivered; anything else, or no answer within the timeout, is a failed attempt.
 */
@Component
class WebhookDelivery {

    private final HttpClient http;
    private final PubSubProperties properties;
    private final Subscriptions subscriptions;
    private final ObjectMapper json;
    private final PubSubMessageLog messageLog;
    private final EventTypes types;

    WebhookDelivery(PubSubProperties properties, Subscriptions subscriptions, ObjectMapper json, PubSubMessageLog messageLog,
                    EventTypes types) {
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.json = json;
        this.messageLog = messageLog;
        this.types = types;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Null when delivered, else why not (status or error, for the dead letter's record). */
    String deliver(Subscription subscription, List<Envelope> events) {
        String body = body(events);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.webhookUrl()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Lgsp-Event-Id", events.stream().map(e -> e.id().toString()).collect(Collectors.joining(",")))
                .header("X-Lgsp-Idempotency-Key", events.stream().map(e -> headerSafe(e.idempotencyKey())).collect(Collectors.joining(",")))
                .header("X-Lgsp-Signature", "t=" + timestamp + ",v1=" + sign(subscriptions.secret(subscription.id()), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Instant at = Instant.now();
        long started = System.nanoTime();
        int status = 0;
        String error;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        String eventType = events.get(0).eventType();
        String[] parts = eventType.split("/");
        vn.gov.egov.lgsp.registry.SecurityLevel level = parts.length == 4
                ? types.byPath(parts[0], parts[1], parts[2], parts[3]).map(EventType::securityLevel).orElse(null) : null;
        messageLog.delivered(java.util.UUID.randomUUID().toString(), at, subscription.consumer(), eventType, status,
                error == null ? null : status == 0 ? "pubsub.subscriber_unreachable" : "pubsub.subscriber_refused",
                body.length(), (System.nanoTime() - started) / 1000, level);
        return error;
    }

    /** The array of envelopes: each event's data inserted as the publisher's JSON. */
    String body(List<Envelope> events) {
        StringBuilder out = new StringBuilder(events.size() * 256).append('[');
        for (Envelope e : events) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"id\":\"").append(e.id()).append("\",\"eventType\":").append(json.writeValueAsString(e.eventType()))
                    .append(",\"idempotencyKey\":").append(json.writeValueAsString(e.idempotencyKey()))
                    .append(",\"orderingKey\":").append(e.orderingKey() == null ? "null" : json.writeValueAsString(e.orderingKey()))
                    .append(",\"publishedAt\":\"").append(e.publishedAt()).append("\",\"data\":").append(e.data()).append('}');
        }
        return out.append(']').toString();
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Idempotency keys are printable ASCII without commas (checked on publish); this only guards the header. */
    private static String headerSafe(String key) {
        return key.replaceAll("[^\\x21-\\x7e]|,", "_");
    }
}
