package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.ClientCertificate;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.Protocol;
import vn.gov.egov.lgsp.registry.RegisteredService;
import vn.gov.egov.lgsp.registry.RegistrySubsystem;
import vn.gov.egov.lgsp.registry.ServiceAddress;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;
import vn.gov.egov.lgsp.registry.ServiceDraft;
import vn.gov.egov.lgsp.registry.ServiceState;

/**
 * Mutual TLS, optional per consumer: an operator registers a system's client certificate (API, audited); a gateway
 * process served over HTTPS with {@code server.ssl.client-auth=want} (a test CA made here) then accepts that system's
 * calls only with that certificate (or, behind a TLS terminator at a trusted address, its certificate header), while
 * a system without a registered certificate calls as before.
 */
class GatewayMutualTlsTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR = "lgsp-test-operator";
    private static final String XD_ADMIN = "lgsp-test-admin-so-xd";

    @Autowired
    private ServiceCatalogAdministration registry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private MessageLogQueries messageLog;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private TestOfficials officials;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aSystemWithARegisteredCertificateCallsOnlyWithItAndOthersAreUnaffected() throws Exception {
        knowOfficial(officials.ensure(OPERATOR, "Van-Hanh#LGSP-2025", "Nông Văn Vận Hành", new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        knowOfficial(officials.ensure(XD_ADMIN, "Quan-Tri#So-Xay-Dung-2025", "Lã Văn Xây Dựng", new Position(Role.AGENCY_ADMIN, "SO-XD", null)));
        String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        TestCertificates ca = new TestCertificates("CA thử nghiệm LGSP " + run);
        TestCertificates.Issued server = ca.server();
        TestCertificates.Issued right = ca.client("mtls-" + run);
        TestCertificates.Issued sameCaOther = ca.client("khac-" + run);
        TestCertificates.Issued foreign = new TestCertificates("CA lạ " + run).client("la-" + run);

        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = ("{\"client\":\"" + exchange.getRequestHeaders().getFirst(GatewayHeaders.CLIENT) + "\",\"certificateHeader\":"
                    + exchange.getRequestHeaders().containsKey("X-Client-Cert") + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        String member = "MTLS" + run;
        registry.registerMember(member, "Thử TLS hai chiều", MemberKind.OTHER, null);
        registry.registerSubsystem(member, "PROV", "Bên cung cấp", null);
        RegistrySubsystem pinned = registry.registerSubsystem(member, "PINNED", "Bên gọi có chứng thư", client("mtls-pinned-" + run));
        RegistrySubsystem plain = registry.registerSubsystem(member, "PLAIN", "Bên gọi không chứng thư", client("mtls-plain-" + run));
        RegisteredService service = registry.registerService(ServiceDraft.of(new ServiceAddress(member, "PROV", "hello", "v1"),
                Protocol.REST, "Chào", "http://127.0.0.1:" + provider.getAddress().getPort()).withDocument(ServiceDraft.minimalOpenApi("hello")));
        registry.changeState(service.id(), ServiceState.TESTING, "thử");
        registry.grant(pinned.id(), service.id(), List.of("*"), "thử TLS hai chiều");
        registry.grant(plain.id(), service.id(), List.of("*"), "thử TLS hai chiều");

        // the operator registers the certificate through the API; refusals name the field and the rule
        String path = "/api/v1/lgsp/registry/subsystems/" + pinned.id() + "/certificates";
        assertRefused(post(OPERATOR, path, Map.of("certificate", right.certificatePem() + right.privateKeyPem())), 400, "private-key");
        assertRefused(post(OPERATOR, path, Map.of("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")), 400, "pem");
        TestCertificates.Issued expired = ca.client("het-han-" + run, Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));
        assertRefused(post(OPERATOR, path, Map.of("certificate", expired.certificatePem())), 400, "expired");
        assertThat(post(XD_ADMIN, path, Map.of("certificate", right.certificatePem())).statusCode())
                .as("an agency administrator of another agency").isEqualTo(403);
        HttpResponse<String> registered = post(OPERATOR, path, Map.of("certificate", right.certificatePem() + ca.authority().certificatePem()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode certificate = JSON.readTree(registered.body());
        assertThat(certificate.get("thumbprint").asString()).isEqualTo(ClientCertificate.thumbprintOf(right.certificate()));
        assertThat(certificate.get("subject").asString()).contains("CN=mtls-" + run);
        assertRefused(post(OPERATOR, path, Map.of("certificate", right.certificatePem())), 409, "taken");
        HttpResponse<String> listed = as(OPERATOR, "GET", path, null, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).valueStream().map(c -> c.get("thumbprint").asString()))
                .containsExactly(ClientCertificate.thumbprintOf(right.certificate()));
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT object_type, object_id, actor_id, changed_fields FROM audit_pending UNION ALL"
                        + " SELECT object_type, object_id, actor_id, changed_fields FROM audit_entry) a WHERE object_type = 'lgsp-subsystem'"
                        + " AND object_id = :id AND actor_id = :actor AND changed_fields::text LIKE '%clientCertificate%'")
                .param("id", member + "/PINNED").param("actor", OPERATOR).query(Long.class).single()).as("audited").isEqualTo(1);

        Path directory = Files.createTempDirectory("lgsp-mtls");
        ConfigurableApplicationContext gateway = GatewayRole.run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername(),
                "--egov.lgsp.gateway.issuer-uri=http://localhost:" + port, "--egov.lgsp.messagelog.node-id=gateway-mtls-test",
                "--egov.lgsp.registry.check-interval=200ms",
                "--server.ssl.bundle=gateway", "--server.ssl.client-auth=want",
                "--egov.lgsp.gateway.client-certificate.header=X-Client-Cert",
                "--egov.lgsp.gateway.client-certificate.trusted-proxies=127.0.0.1",
                "--spring.ssl.bundle.pem.gateway.keystore.certificate=" + TestCertificates.write(directory, "server.crt", server.certificatePem()).toUri(),
                "--spring.ssl.bundle.pem.gateway.keystore.private-key=" + TestCertificates.write(directory, "server.key", server.privateKeyPem()).toUri(),
                "--spring.ssl.bundle.pem.gateway.truststore.certificate=" + TestCertificates.write(directory, "ca.crt", ca.authority().certificatePem()).toUri());
        try {
            String base = "https://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort()
                    + "/lgsp/r1/" + member + "/PROV/hello/v1/x";
            String pinnedToken = token("mtls-pinned-" + run);
            String plainToken = token("mtls-plain-" + run);

            HttpResponse<String> withRight = call(ca, right, base, pinnedToken);
            assertThat(withRight.statusCode()).as(withRight.body()).isEqualTo(200);
            assertThat(withRight.body()).isEqualTo("{\"client\":\"" + member + "/PINNED\",\"certificateHeader\":false}");

            // behind a TLS terminator at a trusted address (here 127.0.0.1): its header carries the certificate (RFC 9440)
            // and never reaches the provider
            HttpResponse<String> viaTerminator = call(ca, null, base, pinnedToken, "X-Client-Cert",
                    ":" + java.util.Base64.getEncoder().encodeToString(right.certificate().getEncoded()) + ":");
            assertThat(viaTerminator.statusCode()).as(viaTerminator.body()).isEqualTo(200);
            assertThat(viaTerminator.body()).contains("\"certificateHeader\":false");
            assertThat(call(ca, null, base, pinnedToken, "X-Client-Cert",
                    ":" + java.util.Base64.getEncoder().encodeToString(sameCaOther.certificate().getEncoded()) + ":").statusCode()).isEqualTo(403);

            HttpResponse<String> without = call(ca, null, base, pinnedToken);
            assertThat(without.statusCode()).as(without.body()).isEqualTo(401);
            assertThat(without.headers().firstValue(GatewayHeaders.ERROR)).hasValue("gateway.client_certificate");
            assertThat(without.body()).contains("không trình chứng thư nào");

            HttpResponse<String> withOther = call(ca, sameCaOther, base, pinnedToken);
            assertThat(withOther.statusCode()).as(withOther.body()).isEqualTo(403);
            assertThat(withOther.headers().firstValue(GatewayHeaders.ERROR)).hasValue("gateway.client_certificate");
            assertThat(withOther.body()).contains("không phải chứng thư đã đăng ký", ClientCertificate.thumbprintOf(sameCaOther.certificate()));

            // a certificate from an authority the gateway does not trust is not even offered (the server names the
            // authorities it accepts) or is refused in the handshake: never a pass
            HttpResponse<String> withForeign = null;
            try {
                withForeign = call(ca, foreign, base, pinnedToken);
            } catch (IOException refusedByTls) {
                assertThat(refusedByTls).hasStackTraceContaining("SSL");
            }
            if (withForeign != null) {
                assertThat(withForeign.statusCode()).as(withForeign.body()).isIn(401, 403);
                assertThat(withForeign.headers().firstValue(GatewayHeaders.ERROR)).hasValue("gateway.client_certificate");
            }

            HttpResponse<String> plainCall = call(ca, null, base, plainToken);
            assertThat(plainCall.statusCode()).as("a system without a registered certificate: unaffected").isEqualTo(200);
            assertThat(call(ca, sameCaOther, base, plainToken).statusCode()).isEqualTo(200);

            String refusedId = withOther.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
            gateway.getBean(MessageLogQueries.class).flush(Duration.ofSeconds(10));
            assertThat(messageLog.byRequestId(refusedId)).singleElement().satisfies(record -> {
                assertThat(record.errorClass()).isEqualTo("gateway.client_certificate");
                assertThat(record.consumer()).isEqualTo(member + "/PINNED");
            });

            // removed (with a reason): the system calls without a certificate again, once the gateway has reloaded
            assertRefused(post(OPERATOR, "/api/v1/lgsp/registry/certificates/" + certificate.get("id").asString() + "/removal",
                    Map.of("reason", "")), 400, "required");
            HttpResponse<String> removed = post(OPERATOR, "/api/v1/lgsp/registry/certificates/" + certificate.get("id").asString()
                    + "/removal", Map.of("reason", "Hệ thống chuyển sang cổng TLS của tỉnh"));
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            HttpResponse<String> again;
            do {
                Thread.sleep(100);
                again = call(ca, null, base, pinnedToken);
            } while (again.statusCode() != 200 && System.nanoTime() < until);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

            // RFC 8705: a token asked for with a client certificate (here behind a trusted TLS terminator, whose header
            // carries it) is bound to that certificate; the gateway accepts it only with that certificate
            String bound = tokenWithCertificate("mtls-plain-" + run, right);
            assertThat(claims(bound).at("/cnf/x5t#S256").asString()).isEqualTo(ClientCertificate.thumbprintOf(right.certificate()));
            assertThat(claims(plainToken).has("cnf")).as("asked for without a certificate: not bound").isFalse();
            HttpResponse<String> holder = call(ca, right, base, bound);
            assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
            HttpResponse<String> otherHolder = call(ca, sameCaOther, base, bound);
            assertThat(otherHolder.statusCode()).as(otherHolder.body()).isEqualTo(403);
            assertThat(otherHolder.body()).contains("Mã truy cập gắn với chứng thư số khác");
            HttpResponse<String> noCertificate = call(ca, null, base, bound);
            assertThat(noCertificate.statusCode()).as(noCertificate.body()).isEqualTo(401);
            assertThat(noCertificate.body()).contains("cnf.x5t#S256");
            // the platform's own API likewise: the certificate over its TLS, or in the trusted terminator's header
            assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/lgsp/services")).header("Authorization", "Bearer " + bound).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("without the certificate").isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/lgsp/services")).header("Authorization", "Bearer " + bound)
                    .header("X-Client-Cert", ":" + java.util.Base64.getEncoder().encodeToString(sameCaOther.certificate().getEncoded()) + ":")
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("with another certificate").isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/lgsp/services")).header("Authorization", "Bearer " + bound)
                    .header("X-Client-Cert", ":" + java.util.Base64.getEncoder().encodeToString(right.certificate().getEncoded()) + ":")
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("with its certificate").isEqualTo(200);
        } finally {
            gateway.close();
            provider.stop(0);
        }
    }

    private String client(String clientId) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}secret-" + clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        return clientId;
    }

    private String token(String clientId) throws Exception {
        return accessTokenIn(http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, "secret-" + clientId)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A client-credentials token asked for with a certificate, as a TLS terminator at 127.0.0.1 passes it on (RFC 9440). */
    private String tokenWithCertificate(String clientId, TestCertificates.Issued certificate) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, "secret-" + clientId)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Client-Cert", ":" + java.util.Base64.getEncoder().encodeToString(certificate.certificate().getEncoded()) + ":")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return accessTokenIn(answer.body());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(TestCertificates ca, TestCertificates.Issued clientCertificate, String url, String token)
            throws IOException, InterruptedException {
        return call(ca, clientCertificate, url, token, null, null);
    }

    private static HttpResponse<String> call(TestCertificates ca, TestCertificates.Issued clientCertificate, String url, String token,
                                             String header, String value) throws IOException, InterruptedException {
        // a client per call: each call a new TLS handshake with (or without) the certificate (Java 17: not closeable)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ca.context(clientCertificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, Object body) throws Exception {
        return as(user, "POST", path, "application/json", JSON.writeValueAsString(body));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("rule").asString()).isEqualTo(rule);
        assertThat(error.get("field").asString()).isIn("certificate", "reason");
    }
}
