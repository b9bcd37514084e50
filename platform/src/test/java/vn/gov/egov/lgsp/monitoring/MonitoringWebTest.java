package vn.gov.egov.lgsp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.messagelog.LoggedCall;
import vn.gov.egov.lgsp.messagelog.MessageLog;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/** The monitoring API and page: figures from the message log, quotas, circuits and subscriptions from the meters. */
class MonitoringWebTest extends PlatformTest {

    @Autowired
    MessageLog log;
    @Autowired
    MessageLogQueries queries;
    @Autowired
    MeterRegistry meters;

    @Test
    void servicesConsumersAndSubscriptionsShowTheirFigures() throws Exception {
        String member = "MON-" + UUID.randomUUID().toString().substring(0, 8);
        String service = member + "/HT/tra-cuu/v1";
        String consumer = member + "/GOI";
        for (int i = 1; i <= 10; i++) {
            log.record(new LoggedCall(UUID.randomUUID().toString(), Instant.now(), "CALL", consumer, "c", service, "GET",
                    "/", i == 10 ? 502 : i == 9 ? 429 : 200, i == 10 ? "provider.error" : i == 9 ? "gateway.quota_exceeded" : null,
                    100, 1000, i * 1000L, i == 9 ? 0 : i * 800L, null, null, SecurityLevel.PUBLIC, null, null));
        }
        assertThat(queries.flush(Duration.ofSeconds(10))).isTrue();
        AtomicLong quota = new AtomicLong(75);
        Gauge quotaGauge = Gauge.builder("lgsp.gateway.quota.used", quota, q -> q.get() / 100.0)
                .tags("service", service, "consumer", consumer).register(meters);
        Gauge circuit = Gauge.builder("lgsp.gateway.circuit.open", () -> 0).tags("provider", member + "/HT").register(meters);
        Gauge lag = Gauge.builder("lgsp.pubsub.lag.seconds", () -> 12).tags("subscription", member + "-sub", "event_type", "e")
                .register(meters);
        try {
            HttpResponse<String> services = asAdmin("GET", "/api/v1/lgsp/monitoring/services?window=1h", null, null);
            assertThat(services.statusCode()).isEqualTo(200);
            String row = services.body().substring(services.body().indexOf("\"service\":\"" + service + "\""));
            row = row.substring(0, row.indexOf('}'));
            assertThat(row).contains("\"calls\":10").contains("\"gatewayErrors\":1").contains("\"providerErrors\":1")
                    .contains("\"quotaUse\":0.75").contains("\"circuit\":\"closed\"");
            // latencies 1..10 ms: the median 5 ms, read from the histogram at most 20 % high
            java.util.regex.Matcher p50 = java.util.regex.Pattern.compile("\"p50Millis\":([0-9.]+)").matcher(row);
            assertThat(p50.find()).isTrue();
            assertThat(Double.parseDouble(p50.group(1))).isBetween(5.0, 6.0);

            HttpResponse<String> consumers = asAdmin("GET", "/api/v1/lgsp/monitoring/consumers", null, null);
            assertThat(consumers.body()).contains("\"consumer\":\"" + consumer + "\"");
            HttpResponse<String> subscriptions = asAdmin("GET", "/api/v1/lgsp/monitoring/subscriptions", null, null);
            assertThat(subscriptions.body()).contains("\"subscription\":\"" + member + "-sub\"").contains("\"lagSeconds\":12.0");
            assertThat(asAdmin("GET", "/api/v1/lgsp/monitoring/alerts", null, null).body()).contains("\"open\"");
            HttpResponse<String> bad = asAdmin("GET", "/api/v1/lgsp/monitoring/services?window=7d", null, null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"parameter\":\"window\"");

            Browser admin = new Browser();
            admin.logIn(ADMIN);
            HttpResponse<String> page = admin.get("/lgsp/monitoring?window=1h");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-service=\"" + service + "\"").contains("data-consumer=\"" + consumer + "\"")
                    .contains(member + "-sub").contains("<svg");
        } finally {
            meters.remove(quotaGauge);
            meters.remove(circuit);
            meters.remove(lag);
        }
    }
}
