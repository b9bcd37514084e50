package vn.gov.egov.lgsp.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket per consumer and service: {@code ratePerSecond} tokens a second, at most {@code burst} saved up.
 * Publishes {@code lgsp.gateway.quota.used} (0..1: how much of the burst is spent) per service and consumer.
 * Locks are {@link ReentrantLock}s held for a few arithmetic operations, never across I/O (no pinned virtual threads).
 */
final class Quotas {

    private record Key(UUID consumer, UUID service) {
    }

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final MeterRegistry meters;

    Quotas(LongSupplier nanoClock, MeterRegistry meters) {
        this.nanoClock = nanoClock;
        this.meters = meters;
    }

    /**
     * Takes one call from the bucket; returns 0 when allowed, else the nanoseconds until the next call would be.
     * A rate of 0 or less means no limit.
     */
    long take(UUID consumer, UUID service, String consumerName, String serviceName, int ratePerSecond, int burst) {
        if (ratePerSecond <= 0) {
            return 0;
        }
        int capacity = Math.max(1, burst);
        Bucket bucket = buckets.computeIfAbsent(new Key(consumer, service), k -> {
            Bucket created = new Bucket(capacity, nanoClock.getAsLong());
            if (meters != null) {
                Gauge.builder("lgsp.gateway.quota.used", created, b -> b.used(ratePerSecond, nanoClock.getAsLong()))
                        .description("Share of the burst a consumer has spent on a service (0..1)")
                        .tag("service", serviceName).tag("consumer", consumerName).strongReference(true).register(meters);
            }
            return created;
        });
        return bucket.take(ratePerSecond, capacity, nanoClock.getAsLong());
    }

    static final class Bucket {
        private final ReentrantLock lock = new ReentrantLock();
        private double tokens;
        private long last;
        private int capacity;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        long take(int rate, int capacity, long now) {
            lock.lock();
            try {
                refill(rate, capacity, now);
                if (tokens >= 1) {
                    tokens -= 1;
                    return 0;
                }
                return (long) Math.ceil((1 - tokens) * 1_000_000_000L / rate);
            } finally {
                lock.unlock();
            }
        }

        double used(int rate, long now) {
            lock.lock();
            try {
                refill(rate, capacity, now);
                return Math.max(0, Math.min(1, 1 - tokens / capacity));
            } finally {
                lock.unlock();
            }
        }

        private void refill(int rate, int newCapacity, long now) {
            capacity = newCapacity;
            long elapsed = now - last;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * (double) rate / 1_000_000_000L);
                last = now;
            }
        }
    }
}
