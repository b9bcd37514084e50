package vn.gov.egov.lgsp.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A circuit breaker per provider subsystem ({@code member/subsystem}): after {@code failures} failed calls in a row
 * (timeouts, unreachable, 5xx), all within {@code window}, the circuit opens and calls are refused at once for
 * {@code openFor}; then one probe call passes (half-open): its success closes the circuit, its failure opens it
 * again. Publishes {@code lgsp.gateway.circuit.open} (1 while open or half-open) per provider.
 */
final class CircuitBreakers {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long windowNanos;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final MeterRegistry meters;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    CircuitBreakers(int failures, Duration window, Duration openFor, LongSupplier nanoClock, MeterRegistry meters) {
        this.threshold = Math.max(1, failures);
        this.windowNanos = window.toNanos();
        this.openNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
        this.meters = meters;
    }

    /** Allows a call to the provider or throws {@code gateway.circuit_open}. */
    void acquire(String provider) {
        long wait = circuit(provider).acquire(nanoClock.getAsLong());
        if (wait > 0) {
            throw new GatewayRefusal(GatewayError.CIRCUIT_OPEN,
                    "Bên cung cấp " + provider + " lỗi liên tiếp nên tạm ngắt; thử lại sau " + seconds(wait) + " giây",
                    seconds(wait));
        }
    }

    void succeeded(String provider) {
        circuit(provider).succeeded();
    }

    void failed(String provider) {
        circuit(provider).failed(nanoClock.getAsLong());
    }

    State state(String provider) {
        return circuit(provider).state;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private Circuit circuit(String provider) {
        Circuit existing = circuits.get(provider);
        if (existing != null) {
            return existing;
        }
        return circuits.computeIfAbsent(provider, p -> {
            Circuit created = new Circuit();
            if (meters != null) {
                Gauge.builder("lgsp.gateway.circuit.open", created, c -> c.state == State.CLOSED ? 0 : 1)
                        .description("1 while the gateway refuses calls to a failing provider")
                        .tag("provider", p).strongReference(true).register(meters);
            }
            return created;
        });
    }

    private final class Circuit {
        private final ReentrantLock lock = new ReentrantLock();
        private final long[] failureTimes = new long[threshold];
        private int failureCount;
        private volatile State state = State.CLOSED;
        private long openedAt;
        private boolean probing;

        /** 0 when the call may go, else nanoseconds to wait. */
        long acquire(long now) {
            if (state == State.CLOSED) {
                return 0;
            }
            lock.lock();
            try {
                if (state == State.OPEN) {
                    long left = openedAt + openNanos - now;
                    if (left > 0) {
                        return left;
                    }
                    state = State.HALF_OPEN;
                    probing = false;
                }
                if (state == State.HALF_OPEN) {
                    if (probing) {
                        return openNanos;
                    }
                    probing = true;
                }
                return 0;
            } finally {
                lock.unlock();
            }
        }

        void succeeded() {
            if (state == State.CLOSED && failureCount == 0) {
                return;
            }
            lock.lock();
            try {
                failureCount = 0;
                probing = false;
                state = State.CLOSED;
            } finally {
                lock.unlock();
            }
        }

        void failed(long now) {
            lock.lock();
            try {
                if (state == State.HALF_OPEN) {
                    open(now);
                    return;
                }
                if (state == State.OPEN) {
                    return;
                }
                failureTimes[failureCount % threshold] = now;
                failureCount++;
                if (failureCount >= threshold) {
                    long oldest = failureTimes[failureCount % threshold];
                    if (now - oldest <= windowNanos) {
                        open(now);
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        private void open(long now) {
            state = State.OPEN;
            openedAt = now;
            probing = false;
            failureCount = 0;
        }
    }
}
