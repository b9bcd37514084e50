package vn.gov.egov.lgsp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

/** Alerts open once when a condition holds and resolve themselves when it clears. */
class LgspAlertsTest extends PlatformTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    AlertStore alerts;
    @Autowired
    MessageLog messageLog;
    @Autowired
    MessageLogQueries queries;

    private boolean isOpen(String key) {
        return alerts.open().stream().anyMatch(a -> a.key().equals(key));
    }

    @Test
    void aBackingUpSubscriptionOpensAnAlertOnceAndClearingItResolvesIt() {
        String subscription = "test-" + UUID.randomUUID();
        String key = "subscription:" + subscription + "/ho-so-thay-doi";
        AtomicLong backlog = new AtomicLong(5_000);
        Gauge gauge = Gauge.builder("lgsp.pubsub.backlog", backlog, AtomicLong::get)
                .tags("subscription", subscription, "event_type", "ho-so-thay-doi").register(meters);
        try {
            evaluator.evaluate();
            assertThat(isOpen(key)).isTrue();
            MonitoringAlert opened = alerts.open().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
            assertThat(opened.kind()).isEqualTo(MonitoringAlert.Kind.SUBSCRIPTION_BACKING_UP);
            assertThat(opened.detail()).contains(subscription).contains("5000");

            evaluator.evaluate();
            assertThat(alerts.recent(200).stream().filter(a -> a.key().equals(key))).hasSize(1);

            backlog.set(0);
            evaluator.evaluate();
            assertThat(isOpen(key)).isFalse();
            MonitoringAlert resolved = alerts.recent(200).stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
            assertThat(resolved.resolvedAt()).isNotNull();
            assertThat(resolved.resolvedBy()).isEqualTo(evaluator.node());
        } finally {
            meters.remove(gauge);
        }
    }

    @Test
    void anOpenCircuitOpensAnAlertForItsProviderOnThisNode() {
        String provider = "TEST-" + UUID.randomUUID().toString().substring(0, 8) + "/HT";
        AtomicLong open = new AtomicLong(1);
        Gauge gauge = Gauge.builder("lgsp.gateway.circuit.open", open, AtomicLong::get).tags("provider", provider)
                .register(meters);
        String key = "circuit:" + provider + "@" + evaluator.node();
        try {
            evaluator.evaluate();
            assertThat(isOpen(key)).isTrue();
            open.set(0);
            evaluator.evaluate();
            assertThat(isOpen(key)).isFalse();
        } finally {
            meters.remove(gauge);
        }
    }

    @Test
    void failingProviderCallsInTheMessageLogOpenTheProviderAlert() {
        String member = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        String service = member + "/HT/dich-vu/v1";
        for (int i = 0; i < 30; i++) {
            boolean fails = i % 3 != 0; // 20 of 30 fail
            messageLog.record(new LoggedCall(UUID.randomUUID().toString(), Instant.now(), "CALL", "SO-TP/HTQL", "client",
                    service, "GET", "/x", fails ? 502 : 200, fails ? "provider.error" : null, 0, 100, 20_000,
                    fails ? 19_000 : 15_000, null, null, SecurityLevel.INTERNAL, null, null));
        }
        assertThat(queries.flush(Duration.ofSeconds(10))).isTrue();

        evaluator.evaluate();

        MonitoringAlert alert = alerts.open().stream().filter(a -> a.key().equals("provider:" + member + "/HT"))
                .findFirst().orElseThrow();
        assertThat(alert.kind()).isEqualTo(MonitoringAlert.Kind.PROVIDER_ERRORS);
        assertThat(alert.detail()).contains("20/30");
    }

    @Test
    void aNodeThatDoesNotSeeASubscriptionLeavesItsAlertOpen() {
        String subscription = "test-" + UUID.randomUUID();
        String key = "subscription:" + subscription + "/e";
        AtomicLong lag = new AtomicLong(3_600);
        Gauge gauge = Gauge.builder("lgsp.pubsub.lag.seconds", lag, AtomicLong::get)
                .tags("subscription", subscription, "event_type", "e").register(meters);
        try {
            evaluator.evaluate();
            assertThat(isOpen(key)).isTrue();
            meters.remove(gauge);
            evaluator.evaluate();
            assertThat(isOpen(key)).as("not observed here: no opinion").isTrue();
            lag.set(0);
            gauge = Gauge.builder("lgsp.pubsub.lag.seconds", lag, AtomicLong::get)
                    .tags("subscription", subscription, "event_type", "e").register(meters);
            evaluator.evaluate();
            assertThat(isOpen(key)).isFalse();
        } finally {
            meters.remove(gauge);
        }
    }

    @Test
    void fewFailingCallsDoNotOpenAnAlert() {
        String member = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            messageLog.record(new LoggedCall(UUID.randomUUID().toString(), Instant.now(), "CALL", "SO-TP/HTQL", "client",
                    member + "/HT/dich-vu/v1", "GET", "/x", 504, "provider.timeout", 0, 0, 20_000, 19_000, null, null,
                    SecurityLevel.INTERNAL, null, null));
        }
        assertThat(queries.flush(Duration.ofSeconds(10))).isTrue();
        evaluator.evaluate();
        assertThat(isOpen("provider:" + member + "/HT")).isFalse();
    }
}
