package vn.gov.egov.lgsp.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The roll-up's latency buckets: every value lands in a bucket whose bound is at most 20 % above it. */
class LatencyHistogramTest {

    @Test
    void percentilesAreTheBucketBoundAtMostTwentyPercentHigh() {
        for (long micros : new long[] {1, 50, 51, 333, 1_000, 4_999, 5_000, 123_456, 2_000_000, 60_000_000}) {
            long[] histogram = new long[LatencyHistogram.BUCKETS];
            histogram[LatencyHistogram.bucket(micros)]++;
            long read = LatencyHistogram.quantile(histogram, 0.5);
            assertThat(read).as("%d µs", micros).isGreaterThanOrEqualTo(micros);
            assertThat(read).as("%d µs", micros).isLessThanOrEqualTo(Math.max(50, Math.round(micros * 1.2) + 1));
        }
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        for (int i = 1; i <= 100; i++) {
            histogram[LatencyHistogram.bucket(i * 1_000L)]++;
        }
        assertThat(LatencyHistogram.quantile(histogram, 0.5)).isBetween(50_000L, 60_000L);
        assertThat(LatencyHistogram.quantile(histogram, 0.95)).isBetween(95_000L, 114_000L);
        assertThat(LatencyHistogram.quantile(histogram, 0.99)).isBetween(99_000L, 119_000L);
        assertThat(LatencyHistogram.quantile(new long[LatencyHistogram.BUCKETS], 0.5)).isZero();
    }
}
