package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The gateway process's token check against a stand-in SSO introspection endpoint (RFC 7662). */
class IntrospectingJwtDecoderTest {

    private HttpServer sso;
    private final AtomicInteger introspections = new AtomicInteger();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> authorizationSeen = new AtomicReference<>();
    private final AtomicReference<String> bodySeen = new AtomicReference<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger signatureChecks = new AtomicInteger();

    @BeforeEach
    void startSso() throws Exception {
        sso = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sso.setExecutor(Executors.newFixedThreadPool(4));
        sso.createContext("/oauth2/introspect", exchange -> {
            introspections.incrementAndGet();
            authorizationSeen.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodySeen.set(body);
            int status = 200;
            String answer;
            if (!("Basic " + java.util.Base64.getEncoder().encodeToString("gw:s%C3%AAcret".getBytes(StandardCharsets.UTF_8)))
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"error\":\"invalid_client\"}";
            } else {
                String token = body.replaceAll(".*token=([^&]*).*", "$1");
                answer = revoked.contains(token) ? "{\"active\":false}" : "{\"active\":true,\"sub\":\"app\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        sso.start();
    }

    @AfterEach
    void stopSso() {
        sso.stop(0);
    }

    @Test
    void asksOncePerTokenWithinTheMemoryAndRefusesARevokedTokenOnceTheMemoryEnds() {
        IntrospectingJwtDecoder decoder = decoder(endpoint(), "gw", "sêcret", Duration.ofSeconds(5));
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("app");
        assertThat(authorizationSeen.get()).as("client_secret_basic, form-encoded").isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("gw:s%C3%AAcret".getBytes(StandardCharsets.UTF_8)));
        assertThat(bodySeen.get()).isEqualTo("token=token-a&token_type_hint=access_token");
        for (int i = 0; i < 50; i++) {
            decoder.decode("token-a");
        }
        assertThat(introspections.get()).isEqualTo(1);
        assertThat(signatureChecks.get()).isEqualTo(1);

        revoked.add("token-a");
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(decoder.decode("token-a")).as("still remembered active").isNotNull();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class).hasMessageContaining("revoked");
        assertThat(introspections.get()).isEqualTo(2);
        assertThatThrownBy(() -> decoder.decode("token-a")).as("a refusal is remembered too").isInstanceOf(BadJwtException.class);
        assertThat(introspections.get()).isEqualTo(2);
    }

    @Test
    void concurrentCallsWithOneTokenMakeOneIntrospection() throws Exception {
        IntrospectingJwtDecoder decoder = decoder(endpoint(), "gw", "sêcret", Duration.ofSeconds(5));
        TokenCheck check = new TokenCheck(decoder, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Jwt>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return check.check("Bearer token-b");
            }));
        }
        start.countDown();
        for (Future<Jwt> call : calls) {
            assertThat(call.get().getSubject()).isEqualTo("app");
        }
        pool.shutdown();
        assertThat(introspections.get()).isEqualTo(1);
    }

    @Test
    void garbageIsRefusedByTheSignatureCheckWithoutAskingTheSso() {
        IntrospectingJwtDecoder decoder = decoder(endpoint(), "gw", "sêcret", Duration.ofSeconds(5));
        assertThatThrownBy(() -> decoder.decode("garbage")).isInstanceOf(BadJwtException.class).hasMessageContaining("signature");
        assertThat(introspections.get()).isZero();
    }

    @Test
    void anSsoThatCannotAnswerIsAPreciseRefusalNeverAPass() throws Exception {
        IntrospectingJwtDecoder wrongSecret = decoder(endpoint(), "gw", "wrong", Duration.ofSeconds(5));
        TokenCheck check = new TokenCheck(wrongSecret, null);
        assertThatThrownBy(() -> check.check("Bearer token-c")).isInstanceOfSatisfying(GatewayRefusal.class, r -> {
            assertThat(r.error).isEqualTo(GatewayError.TOKEN_CHECK_UNAVAILABLE);
            assertThat(r.error.status).isEqualTo(503);
            assertThat(r.error.errorClass).isEqualTo("gateway.token_check_unavailable");
            assertThat(r.getMessage()).contains("client-id");
        });

        java.net.ServerSocket closed = new java.net.ServerSocket(0);
        int deadPort = closed.getLocalPort();
        closed.close();
        TokenCheck down = new TokenCheck(decoder(URI.create("http://127.0.0.1:" + deadPort + "/oauth2/introspect"), "gw", "sêcret",
                Duration.ofSeconds(5)), null);
        assertThatThrownBy(() -> down.check("Bearer token-c")).isInstanceOfSatisfying(GatewayRefusal.class, r -> {
            assertThat(r.error).isEqualTo(GatewayError.TOKEN_CHECK_UNAVAILABLE);
            assertThat(r.getMessage()).contains("Không kết nối được tới SSO");
            assertThat(r.retryAfterSeconds).isPositive();
        });
        assertThatThrownBy(() -> down.check("Bearer token-c")).as("not remembered: asked again, refused again")
                .isInstanceOf(GatewayRefusal.class);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + sso.getAddress().getPort() + "/oauth2/introspect");
    }

    private IntrospectingJwtDecoder decoder(URI endpoint, String clientId, String secret, Duration memory) {
        TokenIntrospection introspection = new TokenIntrospection(endpoint, clientId, secret, Duration.ofSeconds(2), null);
        return new IntrospectingJwtDecoder(token -> {
            signatureChecks.incrementAndGet();
            if (token.equals("garbage")) {
                throw new BadJwtException("An error occurred while attempting to decode the Jwt: bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "ES256").subject("app").issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(600)).build();
        }, introspection, memory, clock::get);
    }
}
