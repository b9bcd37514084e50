package vn.gov.egov;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole platform on a random port and a fresh embedded PostgreSQL, shared by
 * every subclass through Spring's context cache (keep subclasses free of their own context configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.active=test"})
public abstract class PlatformTest {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "Test-Admin-Password-1";
    public static final String AUDITOR = "test-auditor";
    public static final String AUDITOR_PASSWORD = "Test-Auditor-Password-1";
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        registry.add("egov.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        registry.add("egov.security.bootstrap-admin.username", () -> ADMIN);
        registry.add("egov.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("egov.security.bootstrap-auditor.username", () -> AUDITOR);
        registry.add("egov.security.bootstrap-auditor.password", () -> AUDITOR_PASSWORD);
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request with the administrator's credentials (HTTP Basic on the API). */
    protected HttpResponse<String> asAdmin(String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
