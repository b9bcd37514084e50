package vn.gov.national.simulator.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.national.simulator.NationalSimulatorApplication;

class NationalProcedureDatabaseTest {

    @Test
    void servesTheDemonstrationCatalogWithoutLoginAndOnlyWhatChangedSinceADate() throws Exception {
        try (ConfigurableApplicationContext simulator = NationalSimulatorApplication.start("--server.port=0")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) simulator).getWebServer().getPort()
                    + "/national-procedures/api/procedures";
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.body()).contains("\"simulator\":true").contains("Đăng ký khai sinh").contains("\"sampleCode\":true");

            HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"9.999999\",\"name\":\"Thủ tục thử\"}", StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(published.statusCode()).isEqualTo(202);

            HttpResponse<String> recent = http.send(HttpRequest.newBuilder(URI.create(base + "?updatedSince=2026-01-01T00:00:00Z")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(recent.body()).contains("9.999999").doesNotContain("Đăng ký khai sinh");
        }
    }
}
