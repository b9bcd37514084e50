package vn.gov.egov;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health, metrics, request ids, OpenAPI, security headers. */
class OperationsTest extends PlatformTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;


    @Test
    void healthIsUpAndMetricsArePublishedForPrometheus() throws Exception {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        get("/api/v1/catalogs");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    @Test
    void requestsRunOnVirtualThreadsFromJava21() throws Exception {
        String info = get("/actuator/info").body();
        boolean expected = Runtime.version().feature() >= 21;
        assertThat(info).contains("\"requestOnVirtualThread\":" + expected);
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() throws Exception {
        HttpResponse<String> generated = get("/api/v1/catalogs");
        HttpResponse<String> kept = get("/api/v1/catalogs", "X-Request-Id", "agency-system-42-abcdef");
        HttpResponse<String> injected = get("/api/v1/catalogs", "X-Request-Id", "bad id\"<script>");

        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("agency-system-42-abcdef");
        assertThat(injected.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        HttpResponse<String> openApi = get("/v3/api-docs");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/catalogs/{catalog}/entries").contains("/api/v1/calendar/add-working-days");
    }

    @Test
    void pagesAreServedWithSecurityHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void adminPagesNeedTheAdministrator() throws Exception {
        HttpResponse<String> admin = get("/admin/catalogs");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /**
     * Spring reads {@code .properties} files as ISO-8859-1: a Vietnamese value written in UTF-8 would print as mojibake
     * (on receipts, in names). Values are ASCII, with {@code \\uXXXX} escapes for Vietnamese letters.
     */
    @Test
    void configurationValuesAreAsciiWithUnicodeEscapes() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        java.util.List<String> offending = new java.util.ArrayList<>();
        for (var resource : resolver.getResources("classpath*:application*.properties")) {
            try (var in = resource.getInputStream()) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.strip().startsWith("#") && line.chars().anyMatch(c -> c > 127))
                        .forEach(line -> offending.add(resource.getFilename() + ": " + line));
            }
        }
        assertThat(offending).isEmpty();
        assertThat(environment.getProperty("egov.province.name")).isEqualTo("UBND TỈNH LẠNG SƠN");
    }
}
