package vn.gov.egov.lgsp.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the province's SSO whether an access token is still active: OAuth 2 token introspection (RFC 7662, Spring
 * Authorization Server's {@code /oauth2/introspect}), the gateway authenticating as its own client
 * ({@code client_secret_basic}). Counts each question in {@code lgsp.gateway.introspections} (tag {@code outcome} =
 * active|inactive|unavailable).
 */
final class TokenIntrospection {

    /** The SSO could not say (unreachable, too slow, refused the gateway's client, answered nonsense): never a pass. */
    static final class Unavailable extends JwtException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TokenIntrospection.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Counter active;
    private final Counter inactive;
    private final Counter unavailable;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    TokenIntrospection(URI endpoint, String clientId, String clientSecret, Duration timeout, MeterRegistry meters) {
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        MeterRegistry registry = meters != null ? meters : new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        this.active = counter(registry, "active");
        this.inactive = counter(registry, "inactive");
        this.unavailable = counter(registry, "unavailable");
    }

    URI endpoint() {
        return endpoint;
    }

    /** Whether the SSO says the token is active; {@link Unavailable} when it cannot be asked. */
    boolean active(String token) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + form(token) + "&token_type_hint=access_token"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("Không kết nối được tới SSO của tỉnh để kiểm tra mã truy cập (" + endpoint.getHost() + ")", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Bị ngắt khi đang kiểm tra mã truy cập với SSO của tỉnh", e.toString());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403 || status == 400) {
            throw unavailable("SSO của tỉnh từ chối ứng dụng kiểm tra mã của LGSP (egov.lgsp.gateway.introspection.client-id/"
                    + "client-secret sai hoặc chưa đăng ký)", "HTTP " + status);
        }
        if (status != 200) {
            throw unavailable("SSO của tỉnh trả lời lỗi HTTP " + status + " khi kiểm tra mã truy cập", "HTTP " + status);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw unavailable("SSO của tỉnh trả lời kiểm tra mã truy cập không đúng RFC 7662", e.toString());
        }
        JsonNode activeNode = answer == null ? null : answer.get("active");
        if (activeNode == null || !activeNode.isBoolean()) {
            throw unavailable("SSO của tỉnh trả lời kiểm tra mã truy cập không có trường 'active'", "no active member");
        }
        if (activeNode.booleanValue()) {
            active.increment();
            return true;
        }
        inactive.increment();
        return false;
    }

    private Unavailable unavailable(String detail, String cause) {
        unavailable.increment();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.error("LGSP gateway: token introspection at {} failed ({}); calls are refused with gateway.token_check_unavailable",
                    endpoint, cause);
        }
        return new Unavailable(detail);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("lgsp.gateway.introspections")
                .description("Token introspections the gateway asked the SSO").tag("outcome", outcome).register(meters);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
