package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.Protocol;
import vn.gov.egov.lgsp.registry.RegisteredService;
import vn.gov.egov.lgsp.registry.RegistrySubsystem;
import vn.gov.egov.lgsp.registry.ServiceAddress;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;
import vn.gov.egov.lgsp.registry.ServiceDraft;
import vn.gov.egov.lgsp.registry.ServiceState;

/**
 * The gateway end to end: a consumer system with an SSO client-credentials token calls providers (a test HTTP
 * server that echoes what it receives, and the simulated national population database) through
 * {@code /lgsp/r1/...}; every refusal has its status and error class; every call is in the message log.
 */
class GatewayTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "gw-test-secret-2025";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    private static final String PROVIDER = "GWP" + RUN;
    private static final String CONSUMER = "GWC" + RUN;
    private static final String CLIENT = "gw-test-app-" + RUN.toLowerCase();
    private static final String STRANGER_CLIENT = "gw-stranger-" + RUN.toLowerCase();
    private static final AtomicBoolean FLAKY_FAILS = new AtomicBoolean(true);
    private static final Map<String, Map<String, List<String>>> SEEN = new ConcurrentHashMap<>();
    private static final List<String> REQUEST_IDS = new ArrayList<>();
    private static volatile HttpServer provider;
    private static volatile boolean registered;

    @Autowired
    private ServiceCatalogAdministration registry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private MessageLogQueries messageLog;
    @Autowired
    private JwtEncoder jwtEncoder;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void registerOnce() throws IOException {
        synchronized (GatewayTest.class) {
            if (registered) {
                return;
            }
            provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            provider.setExecutor(Executors.newFixedThreadPool(8));
            provider.createContext("/echo", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach(headers::put);
                String id = exchange.getRequestHeaders().getFirst(GatewayHeaders.REQUEST_ID);
                if (id != null) {
                    SEEN.put(id, headers);
                }
                String answer = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + exchange.getRequestURI().getRawPath()
                        + "\",\"query\":\"" + exchange.getRequestURI().getRawQuery() + "\",\"bytes\":" + body.length + "}";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Set-Cookie", "provider-session=1");
                exchange.getResponseHeaders().add("X-Lgsp-Response-Hash", "forged");
                send(exchange, 200, answer);
            });
            provider.createContext("/slow", exchange -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "{}");
            });
            provider.createContext("/flaky", exchange -> {
                if (FLAKY_FAILS.get()) {
                    send(exchange, 500, "{\"loi\":\"hỏng\"}");
                } else {
                    send(exchange, 200, "{\"ok\":true}");
                }
            });
            provider.start();
            String base = "http://127.0.0.1:" + provider.getAddress().getPort();

            saveClient(CLIENT);
            saveClient(STRANGER_CLIENT);
            registry.registerMember(PROVIDER, "Bên cung cấp thử " + RUN, MemberKind.OTHER, null);
            registry.registerSubsystem(PROVIDER, "ECHO", "Hệ thống thử", null);
            registry.registerSubsystem(PROVIDER, "FLAKY", "Hệ thống hay lỗi", null);
            registry.registerSubsystem(PROVIDER, "DANCU", "CSDL dân cư (mô phỏng)", null);
            registry.registerMember(CONSUMER, "Bên gọi thử " + RUN, MemberKind.OTHER, null);
            RegistrySubsystem app = registry.registerSubsystem(CONSUMER, "APP", "Ứng dụng gọi", CLIENT);
            RegistrySubsystem other = registry.registerSubsystem(CONSUMER, "OTHER", "Ứng dụng khác", null);

            grant(app.id(), publish(service("ECHO", "echo", base + "/echo", d -> d), ServiceState.PUBLISHED), "*");
            grant(app.id(), publish(service("ECHO", "narrow", base + "/echo", d -> d), ServiceState.PUBLISHED), "GET /items/*");
            publish(service("ECHO", "no-right", base + "/echo", d -> d), ServiceState.PUBLISHED);
            grant(app.id(), publish(service("ECHO", "quota", base + "/echo",
                    d -> d.withLimits(Duration.ofSeconds(5), 1, 2, 1024)), ServiceState.PUBLISHED), "*");
            grant(app.id(), publish(service("ECHO", "small", base + "/echo",
                    d -> d.withLimits(Duration.ofSeconds(5), 100, 100, 100)), ServiceState.PUBLISHED), "*");
            grant(app.id(), publish(service("ECHO", "slow", base + "/slow",
                    d -> d.withLimits(Duration.ofMillis(300), 100, 100, 1024)), ServiceState.PUBLISHED), "*");
            grant(app.id(), publish(service("ECHO", "down", "http://127.0.0.1:1/x", d -> d), ServiceState.PUBLISHED), "*");
            grant(app.id(), publish(service("FLAKY", "flaky", base + "/flaky", d -> d), ServiceState.PUBLISHED), "*");
            service("ECHO", "draft", base + "/echo", d -> d);
            RegisteredService retired = publish(service("ECHO", "retired", base + "/echo", d -> d), ServiceState.PUBLISHED);
            registry.changeState(retired.id(), ServiceState.DEPRECATED, "thử");
            registry.changeState(retired.id(), ServiceState.RETIRED, "thử");
            grant(app.id(), publish(service("DANCU", "cong-dan", "http://127.0.0.1:" + simulatorPort() + "/population/api",
                    d -> d), ServiceState.PUBLISHED), "GET /citizens/*");
            assertThat(other.clientId()).isNull();
            registered = true;
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aConsumerWithARightGetsTheProvidersAnswerBoundToItsRequest() throws Exception {
        HttpResponse<String> answer = call("POST", "ECHO/echo/v1/items/42?x=1&y=%C3%A1", "{\"a\":1}",
                "Cookie", "session=abc", "X-Forwarded-For", "6.6.6.6", "Forwarded", "for=6.6.6.6",
                "X-Lgsp-Service", "forged", "X-Lgsp-Client", CONSUMER + "/APP", "Accept", "application/json",
                "X-Real-IP", "6.6.6.6", "Proxy-Authorization", "Basic eDp5");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("path").asString()).isEqualTo("/echo/items/42");
        assertThat(body.get("query").asString()).isEqualTo("x=1&y=%C3%A1");
        assertThat(body.get("bytes").asInt()).isEqualTo(7);
        String requestId = answer.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
        String requestHash = answer.headers().firstValue(GatewayHeaders.REQUEST_HASH).orElseThrow();
        assertThat(requestHash).isEqualTo(GatewayHeaders.bodyHash("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.headers().firstValue(GatewayHeaders.RESPONSE_HASH)).hasValue(
                GatewayHeaders.responseHash(requestId, requestHash, answer.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.headers().firstValue("Set-Cookie")).as("the provider's cookie does not cross").isEmpty();
        assertThat(answer.headers().firstValue(GatewayHeaders.ERROR)).isEmpty();

        Map<String, List<String>> seen = SEEN.get(requestId);
        assertThat(seen).as("the provider got the gateway's request id").isNotNull();
        assertThat(seen.get(GatewayHeaders.CLIENT)).containsExactly(CONSUMER + "/APP");
        assertThat(seen.get(GatewayHeaders.SERVICE)).containsExactly(PROVIDER + "/ECHO/echo/v1");
        assertThat(seen.get(GatewayHeaders.REQUEST_HASH)).containsExactly(requestHash);
        assertThat(seen.get("Accept")).containsExactly("application/json");
        for (String stripped : List.of("Cookie", "Authorization", "X-Forwarded-For", "Forwarded", "X-Real-IP", "Proxy-Authorization")) {
            assertThat(seen).as(stripped).doesNotContainKey(stripped);
        }
        assertLogged(requestId, 200, null);
        assertThat(meters.get("lgsp.gateway.calls").tag("service", PROVIDER + "/ECHO/echo/v1").tag("consumer", CONSUMER + "/APP")
                .tag("outcome", "ok").timer().count()).isPositive();
    }

    @Test
    void theSimulatedPopulationDatabaseAnswersThroughTheGateway() throws Exception {
        HttpResponse<String> answer = call("GET", "DANCU/cong-dan/v1/citizens/020085999001", null,
                "X-Requesting-Agency", "000.00.00.H20");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("personalId").asString()).isEqualTo("020085999001");
        HttpResponse<String> notFound = call("GET", "DANCU/cong-dan/v1/citizens/020085999999", null,
                "X-Requesting-Agency", "000.00.00.H20");
        assertThat(notFound.statusCode()).as("the provider's own 4xx passes unchanged").isEqualTo(404);
        assertThat(notFound.headers().firstValue(GatewayHeaders.ERROR)).isEmpty();
        HttpResponse<String> notGranted = call("POST", "DANCU/cong-dan/v1/citizens/020085999001", "{}");
        assertRefused(notGranted, 403, "gateway.access_denied");
    }

    @Test
    void tokensMissingMalformedForeignExpiredOrRevokedAreRefusedEachWithItsClass() throws Exception {
        assertRefused(send("GET", "ECHO/echo/v1/x", null, null), 401, "gateway.token_missing");
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Basic eDp5"), 401, "gateway.token_missing");
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Bearer not-a-jwt"), 401, "gateway.token_invalid");
        com.nimbusds.jose.jwk.RSAKey foreignKey = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("foreign").generate();
        com.nimbusds.jwt.SignedJWT foreign = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("foreign").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(CLIENT).issuer("https://sso.elsewhere.example")
                        .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300))).build());
        foreign.sign(new com.nimbusds.jose.crypto.RSASSASigner(foreignKey));
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Bearer " + foreign.serialize()), 401, "gateway.token_invalid");
        String expired = jwtEncoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject(CLIENT)
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).build())).getTokenValue();
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Bearer " + expired), 401, "gateway.token_expired");
        String token = freshToken(CLIENT);
        assertThat(send("GET", "ECHO/echo/v1/x", null, "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(uri("/oauth2/revoke"))
                .header("Authorization", basic(CLIENT, secret(CLIENT))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Bearer " + token), 401, "gateway.token_invalid");
    }

    @Test
    void unknownConsumersServicesAndCallsWithoutARightAreRefused() throws Exception {
        assertRefused(send("GET", "ECHO/echo/v1/x", null, "Bearer " + clientToken(STRANGER_CLIENT)), 403, "gateway.unknown_consumer");
        assertRefused(call("GET", "ECHO/nothing/v1/x", null), 404, "gateway.unknown_service");
        assertRefused(call("GET", "ECHO/draft/v1/x", null), 404, "gateway.service_not_callable");
        assertRefused(call("GET", "ECHO/retired/v1/x", null), 410, "gateway.service_not_callable");
        assertRefused(call("GET", "ECHO/no-right/v1/x", null), 403, "gateway.access_denied");
        assertThat(call("GET", "ECHO/narrow/v1/items/7", null).statusCode()).isEqualTo(200);
        assertRefused(call("POST", "ECHO/narrow/v1/items/7", "{}"), 403, "gateway.access_denied");
        assertRefused(call("GET", "ECHO/narrow/v1/other", null), 403, "gateway.access_denied");
        assertRefused(call("GET", "ECHO/echo/v1/x", null, "X-Lgsp-Client", CONSUMER + "/OTHER"), 403, "gateway.access_denied");
    }

    @Test
    void aBurstOverTheQuotaIsRefusedWithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = call("GET", "ECHO/quota/v1/x", null);
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertRefused(last, 429, "gateway.quota_exceeded");
        assertThat(meters.get("lgsp.gateway.quota.used").tag("service", PROVIDER + "/ECHO/quota/v1").tag("consumer", CONSUMER + "/APP")
                .gauge().value()).isPositive();
        assertThat(meters.get("lgsp.gateway.calls").tag("service", PROVIDER + "/ECHO/quota/v1").tag("outcome", "gateway_error")
                .timer().count()).isPositive();
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrStreamed() throws Exception {
        assertThat(call("POST", "ECHO/small/v1/x", "x".repeat(100)).statusCode()).isEqualTo(200);
        assertRefused(call("POST", "ECHO/small/v1/x", "x".repeat(101)), 413, "gateway.body_too_large");
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(uri("/lgsp/r1/" + PROVIDER + "/ECHO/small/v1/x"))
                .header("Authorization", "Bearer " + clientToken(CLIENT))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000]))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(streamed, 413, "gateway.body_too_large");
    }

    @Test
    void pathTricksAndHeaderInjectionAreRefusedAsBadRequests() throws Exception {
        String token = clientToken(CLIENT);
        String base = "/lgsp/r1/" + PROVIDER + "/ECHO/echo/v1";
        for (String path : List.of(base + "/a/../../../../admin", base + "/%2e%2e/%2e%2e/x", base + "/a%2fb", base + "/.%2E/x",
                base + "//evil.example/x", base + "/user@evil.example", base + "/a%0d%0aSet-Cookie:%20x=1",
                base + "/x?a=%0d%0aX-Injected:%201", "/lgsp/./r1/" + PROVIDER + "/ECHO/echo/v1/x")) {
            String raw = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(raw).as(path).startsWith("HTTP/1.1 400");
            assertThat(raw).as(path).containsIgnoringCase("X-Lgsp-Error: gateway.bad_request");
            assertThat(raw).as(path).doesNotContain("X-Injected");
        }
        String hop = rawRequest("GET " + base + "/x HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close, X-Secret-Hop\r\nX-Secret-Hop: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nUpgrade: h2c\r\n\r\n");
        assertThat(hop).startsWith("HTTP/1.1 200");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?i)X-Lgsp-Request-Id: ([0-9a-f-]+)").matcher(hop);
        assertThat(id.find()).isTrue();
        Map<String, List<String>> seen = SEEN.get(id.group(1));
        for (String stripped : List.of("X-Secret-Hop", "Keep-Alive", "TE", "Upgrade")) {
            assertThat(seen).as(stripped).doesNotContainKey(stripped);
        }
    }

    @Test
    void slowAndUnreachableProvidersAreTheProvidersErrors() throws Exception {
        HttpResponse<String> slow = call("GET", "ECHO/slow/v1/x", null);
        assertRefused(slow, 504, "provider.timeout");
        assertRefused(call("GET", "ECHO/down/v1/x", null), 502, "provider.unreachable");
    }

    @Test
    void theCircuitOpensAfterFailuresAndAProbeClosesItWhenTheProviderRecovers() throws Exception {
        FLAKY_FAILS.set(true);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = call("GET", "FLAKY/flaky/v1/x", null);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).as("the provider's own error body passes unchanged").isEqualTo("{\"loi\":\"hỏng\"}");
            assertThat(failed.headers().firstValue(GatewayHeaders.ERROR)).hasValue("provider.error");
        }
        HttpResponse<String> open = call("GET", "FLAKY/flaky/v1/x", null);
        assertRefused(open, 503, "gateway.circuit_open");
        assertThat(meters.get("lgsp.gateway.circuit.open").tag("provider", PROVIDER + "/FLAKY").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("lgsp.gateway.calls").tag("service", PROVIDER + "/FLAKY/flaky/v1").tag("outcome", "provider_error")
                .timer().count()).isEqualTo(5);
        FLAKY_FAILS.set(false);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> recovered = open;
        while (recovered.statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(500);
            recovered = call("GET", "FLAKY/flaky/v1/x", null);
        }
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        assertThat(call("GET", "FLAKY/flaky/v1/x", null).statusCode()).isEqualTo(200);
        assertThat(meters.get("lgsp.gateway.circuit.open").tag("provider", PROVIDER + "/FLAKY").gauge().value()).isZero();
    }

    // helpers

    private HttpResponse<String> call(String method, String pathBeneathProvider, String body, String... headers)
            throws IOException, InterruptedException {
        return send(method, pathBeneathProvider, body, "Bearer " + clientToken(CLIENT), headers);
    }

    private HttpResponse<String> send(String method, String pathBeneathProvider, String body, String authorization, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/lgsp/r1/" + PROVIDER + "/" + pathBeneathProvider))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        response.headers().firstValue(GatewayHeaders.REQUEST_ID).ifPresent(id -> {
            synchronized (REQUEST_IDS) {
                REQUEST_IDS.add(id + " " + response.statusCode() + " " + response.headers().firstValue(GatewayHeaders.ERROR).orElse(""));
            }
        });
        return response;
    }

    private void assertRefused(HttpResponse<String> response, int status, String errorClass) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue(GatewayHeaders.ERROR)).hasValue(errorClass);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errorClass").asString()).isEqualTo(errorClass);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        String requestId = response.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
        assertThat(problem.get("requestId").asString()).isEqualTo(requestId);
        assertLogged(requestId, status, errorClass);
    }

    private void assertLogged(String requestId, int status, String errorClass) {
        assertThat(messageLog.flush(Duration.ofSeconds(10))).isTrue();
        List<LogRecord> records = messageLog.byRequestId(requestId);
        assertThat(records).as("message log of " + requestId).hasSize(1);
        LogRecord record = records.get(0);
        assertThat(record.status()).isEqualTo(status);
        assertThat(record.errorClass()).isEqualTo(errorClass);
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?i)X-Lgsp-Request-Id: ([0-9a-f-]+)").matcher(response);
            if (id.find() && response.startsWith("HTTP/1.1 400")) {
                assertLogged(id.group(1), 400, "gateway.bad_request");
            }
            return response;
        }
    }

    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

    private String clientToken(String clientId) throws IOException, InterruptedException {
        String[] cached = TOKENS.get(clientId);
        if (cached != null && Instant.parse(cached[1]).isAfter(Instant.now())) {
            return cached[0];
        }
        String value = freshToken(clientId);
        TOKENS.put(clientId, new String[] {value, Instant.now().plusSeconds(240).toString()});
        return value;
    }

    private String freshToken(String clientId) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, secret(clientId))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return accessTokenIn(token.body());
    }

    private static String secret(String clientId) {
        return SECRET + "-" + clientId;
    }

    private void saveClient(String clientId) {
        if (clients.findByClientId(clientId) != null) {
            return;
        }
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret(clientId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call")
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build());
    }

    private RegisteredService service(String subsystem, String code, String endpoint,
                                      java.util.function.UnaryOperator<ServiceDraft> adjust) {
        return registry.registerService(adjust.apply(ServiceDraft.of(new ServiceAddress(PROVIDER, subsystem, code, "v1"),
                Protocol.REST, "Dịch vụ thử " + code, endpoint).withDocument(ServiceDraft.minimalOpenApi(code))));
    }

    private RegisteredService publish(RegisteredService service, ServiceState state) {
        RegisteredService testing = registry.changeState(service.id(), ServiceState.TESTING, "thử");
        return state == ServiceState.TESTING ? testing : registry.changeState(service.id(), state, "thử");
    }

    private void grant(UUID consumer, RegisteredService service, String operation) {
        registry.grant(consumer, service.id(), List.of(operation), "thử nghiệm cổng LGSP");
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
