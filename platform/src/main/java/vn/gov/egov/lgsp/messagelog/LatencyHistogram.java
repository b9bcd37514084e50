package vn.gov.egov.lgsp.messagelog;

/**
 * Latency buckets for the per-minute roll-up: bucket 0 holds up to 50 µs, each next one 20 % more, the last one
 * everything above ~2 minutes. Percentiles are read as a bucket's upper bound, so they are at most 20 % high.
 */
final class LatencyHistogram {

    static final int BUCKETS = 82;
    private static final double FIRST = 50;
    private static final double FACTOR = 1.2;
    private static final long[] BOUNDS = new long[BUCKETS];

    static {
        double bound = FIRST;
        for (int i = 0; i < BUCKETS; i++) {
            BOUNDS[i] = i == BUCKETS - 1 ? Long.MAX_VALUE : Math.round(bound);
            bound *= FACTOR;
        }
    }

    private LatencyHistogram() {
    }

    static int bucket(long micros) {
        if (micros <= FIRST) {
            return 0;
        }
        int i = (int) Math.ceil(Math.log(micros / FIRST) / Math.log(FACTOR));
        i = Math.max(0, Math.min(BUCKETS - 1, i));
        // rounding of the bounds: step to the first bucket whose bound holds the value
        while (i > 0 && BOUNDS[i - 1] >= micros) {
            i--;
        }
        while (i < BUCKETS - 1 && BOUNDS[i] < micros) {
            i++;
        }
        return i;
    }

    /** The upper bound of the bucket where the {@code q} quantile falls; 0 when the histogram is empty. */
    static long quantile(long[] histogram, double q) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return i == BUCKETS - 1 ? BOUNDS[BUCKETS - 2] : BOUNDS[i];
            }
        }
        return BOUNDS[BUCKETS - 2];
    }
}
