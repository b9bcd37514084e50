package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotasAndCircuitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aBurstIsAllowedThenCallsComeAtTheRateAndEachPairHasItsOwnBucket() {
        Quotas quotas = new Quotas(now::get, meters);
        UUID consumer = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(quotas.take(consumer, service, "SO-TP/MC", "BCA/DC/cd/v1", 2, 3)).isZero();
        }
        long wait = quotas.take(consumer, service, "SO-TP/MC", "BCA/DC/cd/v1", 2, 3);
        assertThat(wait).isEqualTo(500_000_000L);
        assertThat(meters.get("lgsp.gateway.quota.used").tag("service", "BCA/DC/cd/v1").tag("consumer", "SO-TP/MC")
                .gauge().value()).isEqualTo(1.0);
        assertThat(quotas.take(UUID.randomUUID(), service, "OTHER/X", "BCA/DC/cd/v1", 2, 3)).isZero();
        now.addAndGet(500_000_000L);
        assertThat(quotas.take(consumer, service, "SO-TP/MC", "BCA/DC/cd/v1", 2, 3)).isZero();
        assertThat(quotas.take(consumer, service, "SO-TP/MC", "BCA/DC/cd/v1", 2, 3)).isPositive();
        now.addAndGet(10_000_000_000L);
        assertThat(meters.get("lgsp.gateway.quota.used").tag("consumer", "SO-TP/MC").gauge().value()).isZero();
        assertThat(quotas.take(consumer, service, "SO-TP/MC", "BCA/DC/cd/v1", 0, 0)).as("rate 0: no limit").isZero();
    }

    @Test
    void theCircuitOpensAfterFailuresInTheWindowThenOneProbeClosesIt() {
        CircuitBreakers circuits = new CircuitBreakers(3, Duration.ofSeconds(10), Duration.ofSeconds(5), now::get, meters);
        String provider = "BCA/CSDLQGDC";
        circuits.acquire(provider);
        circuits.failed(provider);
        circuits.failed(provider);
        circuits.succeeded(provider);
        circuits.failed(provider);
        circuits.failed(provider);
        assertThat(circuits.state(provider)).as("a success in between resets the count").isEqualTo(CircuitBreakers.State.CLOSED);
        circuits.failed(provider);
        assertThat(circuits.state(provider)).isEqualTo(CircuitBreakers.State.OPEN);
        assertThat(meters.get("lgsp.gateway.circuit.open").tag("provider", provider).gauge().value()).isEqualTo(1.0);
        assertThatThrownBy(() -> circuits.acquire(provider)).isInstanceOfSatisfying(GatewayRefusal.class, r -> {
            assertThat(r.error).isEqualTo(GatewayError.CIRCUIT_OPEN);
            assertThat(r.retryAfterSeconds).isEqualTo(5);
        });
        now.addAndGet(5_000_000_000L);
        circuits.acquire(provider);
        assertThat(circuits.state(provider)).isEqualTo(CircuitBreakers.State.HALF_OPEN);
        assertThatThrownBy(() -> circuits.acquire(provider)).as("one probe at a time").isInstanceOf(GatewayRefusal.class);
        circuits.failed(provider);
        assertThat(circuits.state(provider)).as("a failed probe opens it again").isEqualTo(CircuitBreakers.State.OPEN);
        now.addAndGet(5_000_000_000L);
        circuits.acquire(provider);
        circuits.succeeded(provider);
        assertThat(circuits.state(provider)).isEqualTo(CircuitBreakers.State.CLOSED);
        assertThat(meters.get("lgsp.gateway.circuit.open").tag("provider", provider).gauge().value()).isZero();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotOpenIt() {
        CircuitBreakers circuits = new CircuitBreakers(3, Duration.ofSeconds(10), Duration.ofSeconds(5), now::get, meters);
        for (int i = 0; i < 6; i++) {
            circuits.failed("A/B");
            now.addAndGet(6_000_000_000L);
        }
        assertThat(circuits.state("A/B")).isEqualTo(CircuitBreakers.State.CLOSED);
    }
}
