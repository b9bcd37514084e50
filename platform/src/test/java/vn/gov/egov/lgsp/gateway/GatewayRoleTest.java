package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
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
 * The gateway as its own process ({@code egov.role=lgsp-gateway}): started here beside the platform (a separate
 * Spring context on its own port, as a separate process would be) against the platform's database and SSO, it
 * serves a call with a platform-issued token and records it in the shared message log under its own node; it asks
 * the SSO whether each token is still active (introspection, once per token per memory), so a token revoked at the
 * SSO is refused within the memory, and an SSO that cannot answer is a precise refusal, never a pass.
 */
class GatewayRoleTest extends PlatformTest {

    private static final Duration MEMORY = Duration.ofSeconds(3);

    @Autowired
    private ServiceCatalogAdministration registry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private MessageLogQueries messageLog;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private GatewayIntrospectionClient introspectionClient;
    @Autowired
    private org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Test
    void theSameJarRunsAsAGatewayOnlyProcessThatServesCalls() throws Exception {
        assertThat(GatewayRole.chosen("--egov.role=lgsp-gateway")).isTrue();
        assertThat(GatewayRole.chosen("--server.port=0")).isFalse();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = ("{\"client\":\"" + exchange.getRequestHeaders().getFirst(GatewayHeaders.CLIENT) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        String clientId = "gw-role-" + run.toLowerCase();
        String secret = UUID.randomUUID().toString();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        registry.registerMember("ROLE" + run, "Thử tiến trình riêng", MemberKind.OTHER, null);
        registry.registerSubsystem("ROLE" + run, "PROV", "Bên cung cấp", null);
        RegistrySubsystem consumer = registry.registerSubsystem("ROLE" + run, "APP", "Bên gọi", clientId);
        RegisteredService service = registry.registerService(ServiceDraft.of(new ServiceAddress("ROLE" + run, "PROV", "hello", "v1"),
                Protocol.REST, "Chào", "http://127.0.0.1:" + provider.getAddress().getPort()).withDocument(ServiceDraft.minimalOpenApi("hello")));
        registry.changeState(service.id(), ServiceState.TESTING, "thử");
        registry.grant(consumer.id(), service.id(), List.of("*"), "thử tiến trình riêng");

        // the platform registered the gateway's introspection client from the same configuration (test profile)
        RegisteredClient introspector = clients.findByClientId("lgsp-gateway-test");
        assertThat(introspector).isNotNull();
        assertThat(introspector.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(passwords.matches("test-only-introspection-secret", introspector.getClientSecret())).isTrue();
        assertThat(introspectionClient.ensure()).as("already there with the configured secret: nothing written").isFalse();

        String issuer = "http://localhost:" + port;
        ConfigurableApplicationContext gateway = GatewayRole.run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername(),
                "--egov.lgsp.gateway.issuer-uri=" + issuer, "--egov.lgsp.messagelog.node-id=gateway-role-test",
                "--egov.lgsp.registry.check-interval=200ms", "--egov.lgsp.gateway.introspection.memory=" + MEMORY);
        try {
            assertThat(gateway.containsBean("flowableProcessEngine")).isFalse();
            assertThat(gateway.getBeanNamesForType(ServiceCatalogAdministration.class)).as("only the runtime pieces").isEmpty();
            int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", basic(clientId, secret)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            String accessToken = accessTokenIn(token.body());
            URI call = URI.create("http://127.0.0.1:" + gatewayPort + "/lgsp/r1/ROLE" + run + "/PROV/hello/v1/x");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(call).header("Authorization", "Bearer " + accessToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"client\":\"ROLE" + run + "/APP\"}");
            String requestId = answer.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();

            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(call).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("UP");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/lgsp/services")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("no platform API in the gateway").isIn(401, 403, 404);

            gateway.getBean(MessageLogQueries.class).flush(Duration.ofSeconds(10));
            List<LogRecord> logged = messageLog.byRequestId(requestId);
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).nodeId()).as("the chain of the gateway process's own node").startsWith("gateway-role-test:");
            assertThat(logged.get(0).consumer()).isEqualTo("ROLE" + run + "/APP");

            // revocation: a fresh token, many calls at once cost one introspection; revoked at the SSO, refused within the memory
            MeterRegistry meters = gateway.getBean(MeterRegistry.class);
            double asked = introspections(meters, "active");
            String fresh = accessTokenIn(http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", basic(clientId, secret)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString()).body());
            HttpRequest withFresh = HttpRequest.newBuilder(call).header("Authorization", "Bearer " + fresh).build();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                burst.add(http.sendAsync(withFresh, HttpResponse.BodyHandlers.ofString()));
            }
            for (java.util.concurrent.CompletableFuture<HttpResponse<String>> answered : burst) {
                assertThat(answered.get().statusCode()).as(answered.get().body()).isEqualTo(200);
            }
            assertThat(introspections(meters, "active") - asked).as("one introspection for 16 calls with one token").isEqualTo(1);

            HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/revoke"))
                    .header("Authorization", basic(clientId, secret)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + fresh)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);
            long revokedAt = System.nanoTime();
            HttpResponse<String> refused;
            do {
                Thread.sleep(100);
                refused = http.send(withFresh, HttpResponse.BodyHandlers.ofString());
            } while (refused.statusCode() == 200 && System.nanoTime() - revokedAt < MEMORY.plusSeconds(5).toNanos());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).as("refused within the memory")
                    .isLessThan(MEMORY.plusSeconds(2));
            assertThat(refused.headers().firstValue(GatewayHeaders.ERROR)).hasValue("gateway.token_invalid");
            assertThat(refused.body()).contains("thu hồi");
            assertThat(introspections(meters, "inactive")).isPositive();
            String refusedId = refused.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
            gateway.getBean(MessageLogQueries.class).flush(Duration.ofSeconds(10));
            assertThat(messageLog.byRequestId(refusedId)).singleElement()
                    .satisfies(record -> assertThat(record.errorClass()).isEqualTo("gateway.token_invalid"));
        } finally {
            gateway.close();
            provider.stop(0);
        }
    }

    @Test
    void aGatewayWhoseSsoCannotAnswerRefusesWithAPreciseErrorAndLogsIt() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String clientId = "gw-down-" + run.toLowerCase();
        String secret = UUID.randomUUID().toString();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        registry.registerMember("DOWN" + run, "Thử SSO không trả lời", MemberKind.OTHER, null);
        registry.registerSubsystem("DOWN" + run, "APP", "Bên gọi", clientId);
        String issuer = "http://localhost:" + port;
        java.net.ServerSocket closed = new java.net.ServerSocket(0);
        int deadPort = closed.getLocalPort();
        closed.close();
        String[] common = {"--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername(),
                "--egov.lgsp.gateway.issuer-uri=" + issuer, "--egov.lgsp.messagelog.node-id=gateway-role-down-test"};

        String[] withoutClient = java.util.Arrays.copyOf(common, common.length + 1);
        withoutClient[common.length] = "--egov.lgsp.gateway.introspection.client-secret=";
        assertThatThrownBy(() -> GatewayRole.run(withoutClient).close()).as("no introspection client: the gateway does not start")
                .hasStackTraceContaining("egov.lgsp.gateway.introspection.client-id");

        String[] down = java.util.Arrays.copyOf(common, common.length + 1);
        down[common.length] = "--egov.lgsp.gateway.introspection.uri=http://127.0.0.1:" + deadPort + "/oauth2/introspect";
        ConfigurableApplicationContext gateway = GatewayRole.run(down);
        try {
            int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            String accessToken = accessTokenIn(http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", basic(clientId, secret)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                    + "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/api/citizens/001")).header("Authorization", "Bearer " + accessToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue(GatewayHeaders.ERROR)).hasValue("gateway.token_check_unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("\"errorClass\":\"gateway.token_check_unavailable\"", "Không kết nối được tới SSO");
            HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                    + "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/x")).header("Authorization", "Bearer not.a.token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(garbage.headers().firstValue(GatewayHeaders.ERROR)).as("garbage is refused before the SSO is asked")
                    .hasValue("gateway.token_invalid");
            String requestId = answer.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
            gateway.getBean(MessageLogQueries.class).flush(Duration.ofSeconds(10));
            assertThat(messageLog.byRequestId(requestId)).singleElement().satisfies(record -> {
                assertThat(record.errorClass()).isEqualTo("gateway.token_check_unavailable");
                assertThat(record.status()).isEqualTo(503);
            });
        } finally {
            gateway.close();
        }
    }

    private static double introspections(MeterRegistry meters, String outcome) {
        io.micrometer.core.instrument.Counter counter = meters.find("lgsp.gateway.introspections").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
