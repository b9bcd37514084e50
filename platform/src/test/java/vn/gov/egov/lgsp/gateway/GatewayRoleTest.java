package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
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
 * serves a call with a platform-issued token and records it in the shared message log under its own node.
 */
class GatewayRoleTest extends PlatformTest {

    @Autowired
    private ServiceCatalogAdministration registry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private MessageLogQueries messageLog;
    @Autowired
    private DataSource dataSource;

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

        String issuer = "http://localhost:" + port;
        ConfigurableApplicationContext gateway = GatewayRole.run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername(),
                "--egov.lgsp.gateway.issuer-uri=" + issuer, "--egov.lgsp.messagelog.node-id=gateway-role-test",
                "--egov.lgsp.registry.check-interval=200ms");
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
        } finally {
            gateway.close();
            provider.stop(0);
        }
    }
}
