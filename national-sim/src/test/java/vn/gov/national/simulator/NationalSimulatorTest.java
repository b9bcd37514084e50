package vn.gov.national.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class NationalSimulatorTest {

    @Test
    void startsOnARandomPortAndSaysItIsASimulator() throws Exception {
        try (ConfigurableApplicationContext simulator = NationalSimulatorApplication.start("--server.port=0")) {
            int port = ((WebServerApplicationContext) simulator).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"simulator\":true").contains("vneid").contains("paygov");
            tools.jackson.databind.JsonNode systems = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(info.body()).get("systems");
            java.util.Map<String, String> status = new java.util.HashMap<>();
            systems.forEach(s -> status.put(s.get("code").asString(), s.get("status").asString()));
            assertThat(status).containsEntry("population", "available").containsEntry("business-registry", "available")
                    .containsEntry("national-portal", "available").containsEntry("vnpost", "available")
                    .containsEntry("sms", "available").containsEntry("paygov", "available");
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(home.body()).contains("TRÌNH MÔ PHỎNG").contains("href=\"/national-portal\"").contains("href=\"/sms\"")
                    .contains("CSDL quốc gia về dân cư – đang mô phỏng");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("UP");
        }
    }
}
