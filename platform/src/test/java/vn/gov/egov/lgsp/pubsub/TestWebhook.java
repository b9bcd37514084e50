package vn.gov.egov.lgsp.pubsub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber's webhook for the tests: checks each request's signature, refuses a batch (500) when one of its
 * events matches {@link #refuse}, and keeps what it took, in arrival order, deduplicated by idempotency key the way
 * a consumer should (raw deliveries are counted too).
 */
final class TestWebhook implements AutoCloseable {

    record Received(String id, String idempotencyKey, String orderingKey, JsonNode data) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rawDeliveries = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    volatile Predicate<JsonNode> refuse = data -> false;
    /** Asked once per request, with its events (envelopes): whether to refuse it (500). */
    volatile Predicate<List<JsonNode>> refuseRequest = events -> false;
    volatile String secret;

    TestWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("X-Lgsp-Signature");
            int status = 204;
            if (!signedRight(signature, text)) {
                badSignatures.incrementAndGet();
                status = 401;
            } else {
                JsonNode events = JSON.readTree(text);
                boolean refused = false;
                List<JsonNode> envelopes = new ArrayList<>();
                for (JsonNode e : events) {
                    refused |= refuse.test(e.get("data"));
                    envelopes.add(e);
                }
                refused = refused || refuseRequest.test(envelopes);
                if (refused) {
                    refusals.incrementAndGet();
                    status = 500;
                } else {
                    List<String> ids = List.of(exchange.getRequestHeaders().getFirst("X-Lgsp-Event-Id").split(","));
                    int i = 0;
                    for (JsonNode e : events) {
                        if (!e.get("id").asString().equals(ids.get(i++))) {
                            status = 400;
                        }
                        rawDeliveries.incrementAndGet();
                        String key = e.get("idempotencyKey").asString();
                        if (seenKeys.add(key)) {
                            received.add(new Received(e.get("id").asString(), key,
                                    e.get("orderingKey").isNull() ? null : e.get("orderingKey").asString(), e.get("data")));
                        }
                    }
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private boolean signedRight(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        String[] parts = header.split(",");
        String t = parts[0].substring(2);
        String v1 = parts[1].substring(3);
        return WebhookDelivery.sign(secret, t, body).equals(v1);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    Set<String> keys() {
        return Set.copyOf(seenKeys);
    }

    int rawDeliveries() {
        return rawDeliveries.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int refusals() {
        return refusals.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
