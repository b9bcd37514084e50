package vn.gov.egov.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LGSP pub/sub end to end through the PostgreSQL backend (bench/pubsub.sh): sets up a publisher system and a
 * subscriber system (SSO clients, registry, event type, approved push subscription to this driver's own webhook),
 * then publishers POST batches over HTTP with the publisher's client-credentials token while the webhook checks each
 * request's signature and counts the events by idempotency key. Half-way it writes {@code <signalFile>} so that the
 * script restarts the platform; publishers retry a refused or failed batch with the same idempotency keys until it
 * is accepted. At the end: events published, distinct keys received (must be equal: none lost), raw duplicates, and
 * the end-to-end rate (first publish to last delivery, the restart included) and the best 10-second window.
 * <p>
 * Arguments: platform URL, PostgreSQL port, events, batch size, publisher threads, signal file.
 */
public final class PubSubLoad {

    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Demo@2025-LangSon";
    private static final String ADMIN_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final URI platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicLong raw = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong lastDelivery = new AtomicLong();
    /** deliveries (new keys) per second since the start, for the best window */
    private final AtomicInteger[] perSecond = new AtomicInteger[3600];
    /** when publishing first and last failed (the platform down), System.nanoTime() */
    private final AtomicLong downFrom = new AtomicLong();
    private final AtomicLong lastFailure = new AtomicLong();
    private volatile String secret;
    private volatile long started;

    private PubSubLoad(URI platform) {
        this.platform = platform;
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = new AtomicInteger();
        }
    }

    public static void main(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        int pgPort = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int publishers = Integer.parseInt(args[4]);
        Path signal = Path.of(args[5]);
        new PubSubLoad(platform).run(pgPort, events, batch, publishers, signal);
    }

    private void run(int pgPort, int events, int batch, int publishers, Path signal) throws Exception {
        // the demonstration's bootstrap administrator also acts as LGSP operator for the set-up (bench data only)
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            c.createStatement().executeUpdate("""
                    INSERT INTO official_position (account_id, role, agency_code, granted_by)
                    SELECT id, 'LGSP_OPERATOR', 'SO-KHCN', 'bench' FROM official_account WHERE username = 'admin'
                      AND NOT EXISTS (SELECT 1 FROM official_position p JOIN official_account a ON a.id = p.account_id
                                      WHERE a.username = 'admin' AND p.role = 'LGSP_OPERATOR' AND p.revoked_at IS NULL)""");
        }
        String admin = OfficialTokens.token(platform, ADMIN, ADMIN_PASSWORD, ADMIN_TOTP);
        String[] publisher = client(admin, "Bench publisher");
        String[] subscriber = client(admin, "Bench subscriber");
        String member = "BENCH-" + Long.toString(System.currentTimeMillis() % 100000, 36).toUpperCase();
        call(admin, "POST", "/api/v1/lgsp/registry/members", "{\"code\":\"%s\",\"name\":\"Bench\",\"kind\":\"OTHER\"}".formatted(member), 201);
        call(admin, "POST", "/api/v1/lgsp/registry/subsystems",
                "{\"member\":\"%s\",\"code\":\"PHAT\",\"name\":\"Publisher\",\"clientId\":\"%s\"}".formatted(member, publisher[0]), 201);
        call(admin, "POST", "/api/v1/lgsp/registry/subsystems",
                "{\"member\":\"%s\",\"code\":\"NHAN\",\"name\":\"Subscriber\",\"clientId\":\"%s\"}".formatted(member, subscriber[0]), 201);
        String type = call(admin, "POST", "/api/v1/lgsp/pubsub/event-types", """
                {"member":"%s","subsystem":"PHAT","code":"ho-so","version":"v1","name":"Bench","securityLevel":"INTERNAL",
                 "state":"PUBLISHED","jsonSchema":{"type":"object","required":["n"],
                 "properties":{"n":{"type":"integer"},"maHoSo":{"type":"string"},"trangThai":{"type":"string"}}}}""".formatted(member), 201);
        String path = member + "/PHAT/ho-so/v1";
        HttpServer server = webhook();
        Thread.sleep(1500); // the registry's other-node check (1 s): the subsystems are known everywhere
        String subscriberToken = clientToken(subscriber);
        String requested = call(subscriberToken, "POST", "/api/v1/lgsp/pubsub/subscriptions",
                "{\"eventType\":\"%s\",\"mode\":\"PUSH\",\"webhookUrl\":\"http://127.0.0.1:%d/hook\"}".formatted(path, server.getAddress().getPort()), 201);
        String subscription = field(requested, "id");
        secret = field(call(admin, "POST", "/api/v1/lgsp/pubsub/subscriptions/" + subscription + "/approve", null, 200), "secret");
        System.out.printf("set up: event type %s (%s), push subscription %s%n", path, field(type, "id"), subscription);

        String[] token = {clientToken(publisher)};
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        int batches = (events + batch - 1) / batch;
        String payload = "x".repeat(120);
        started = System.nanoTime();
        Thread[] threads = new Thread[publishers];
        for (int t = 0; t < publishers; t++) {
            threads[t] = new Thread(() -> {
                int b;
                while ((b = nextBatch.getAndIncrement()) < batches) {
                    StringBuilder body = new StringBuilder("[");
                    int from = b * batch;
                    int to = Math.min(events, from + batch);
                    for (int n = from; n < to; n++) {
                        body.append(n == from ? "" : ",").append("{\"idempotencyKey\":\"e-").append(n).append("\",\"orderingKey\":\"k-")
                                .append(n % 64).append("\",\"data\":{\"n\":").append(n).append(",\"maHoSo\":\"000.00.10.H20-261127-")
                                .append(n % 10000).append("\",\"trangThai\":\"").append(payload).append("\"}}");
                    }
                    body.append(']');
                    while (true) {
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(platform.resolve("/api/v1/lgsp/pubsub/events/" + path + "/batch"))
                                    .header("Authorization", "Bearer " + token[0]).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                break;
                            }
                            if (response.statusCode() == 401) {
                                synchronized (token) {
                                    token[0] = clientToken(publisher);
                                }
                            } else if (response.statusCode() != 503) {
                                System.out.println("batch " + b + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (IOException | RuntimeException e) {
                            // the platform is restarting: the same batch again, the same keys
                            downFrom.compareAndSet(0, System.nanoTime());
                            lastFailure.accumulateAndGet(System.nanoTime(), Math::max);
                        } catch (InterruptedException e) {
                            return;
                        }
                        retries.incrementAndGet();
                        sleep(250);
                    }
                    int done = published.addAndGet(to - from);
                    if (done >= events / 2 && !Files.exists(signal)) {
                        try {
                            Files.writeString(signal, "restart\n");
                            System.out.printf("restart signalled after %d events published, %d received, %.1f s%n", done, received.size(),
                                    (System.nanoTime() - started) / 1e9);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }, "publisher-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (received.size() < events && System.nanoTime() < deadline) {
            sleep(100);
        }
        double endToEnd = (lastDelivery.get() - started) / 1e9;
        int best = 0;
        int seconds = (int) Math.ceil(endToEnd);
        for (int s = 0; s + 10 <= Math.max(seconds, 10) && s + 10 <= perSecond.length; s++) {
            int sum = 0;
            for (int i = s; i < s + 10; i++) {
                sum += perSecond[i].get();
            }
            best = Math.max(best, sum);
        }
        System.out.printf("published %d events in %d batches of %d by %d publishers in %.1f s (%d batch retries during the restart)%n",
                published.get(), batches, batch, publishers, publishSeconds, retries.get());
        System.out.printf("received %d distinct idempotency keys (%d raw deliveries, %d duplicates, %d bad signatures); lost %d%n",
                received.size(), raw.get(), raw.get() - received.size(), badSignatures.get(), events - received.size());
        // from the first refused connection to the last one, plus the retry pause
        double down = downFrom.get() == 0 ? 0 : (lastFailure.get() - downFrom.get()) / 1e9 + 0.25;
        System.out.printf("end to end: %.1f s from the first publish to the last delivery, restart included: %.0f events/s; "
                + "platform unreachable for %.1f s (first to last refused connection); without that time: %.0f events/s; "
                + "best 10 s window: %.0f events/s%n", endToEnd, received.size() / endToEnd, down, received.size() / (endToEnd - down),
                best / 10.0);
        StringBuilder timeline = new StringBuilder("new keys received per 5 s:");
        for (int s = 0; s < Math.min(seconds + 1, perSecond.length); s += 5) {
            int sum = 0;
            for (int i = s; i < Math.min(s + 5, perSecond.length); i++) {
                sum += perSecond[i].get();
            }
            timeline.append(' ').append(sum);
        }
        System.out.println(timeline);
        server.stop(0);
        System.exit(received.size() == events && badSignatures.get() == 0 ? 0 : 1);
    }

    private HttpServer webhook() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Lgsp-Signature");
            if (signature == null || !signature.endsWith(",v1=" + sign(signature.substring(2, signature.indexOf(',')), body))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            Matcher keys = KEY.matcher(new String(body, StandardCharsets.UTF_8));
            int fresh = 0;
            while (keys.find()) {
                raw.incrementAndGet();
                if (received.add(keys.group(1))) {
                    fresh++;
                }
            }
            long now = System.nanoTime();
            lastDelivery.accumulateAndGet(now, Math::max);
            int second = (int) ((now - started) / 1_000_000_000L);
            if (second >= 0 && second < perSecond.length) {
                perSecond[second].addAndGet(fresh);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials client of the province's SSO: {clientId, secret}. */
    private String[] client(String admin, String name) throws IOException, InterruptedException {
        String created = call(admin, "POST", "/api/v1/identity/clients",
                "{\"name\":\"%s\",\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"lgsp.call\"]}".formatted(name), 201);
        return new String[] {field(created, "clientId"), field(created, "clientSecret")};
    }

    private String clientToken(String[] client) {
        try {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(platform.resolve("/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=lgsp.call")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return field(token.body(), "access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String call(String token, String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(platform.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
