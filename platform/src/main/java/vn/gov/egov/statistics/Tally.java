package vn.gov.egov.statistics;

import java.util.EnumMap;
import java.util.Map;

/** The counts of one group while they are summed up; becomes a {@link DossierCounts}. */
final class Tally {

    final Map<Counter, Long> flows = new EnumMap<>(Counter.class);
    long carriedOver;
    long inProgress;
    long overdue;

    long get(Counter c) {
        return flows.getOrDefault(c, 0L);
    }

    void add(Counter c, long n) {
        if (n != 0) {
            flows.merge(c, n, Long::sum);
        }
    }

    void add(Tally other) {
        other.flows.forEach(this::add);
        carriedOver += other.carriedOver;
        inProgress += other.inProgress;
        overdue += other.overdue;
    }

    long toHandle() {
        return received() + carriedOver;
    }

    long received() {
        return get(Counter.RECEIVED_ONLINE) + get(Counter.RECEIVED_IN_PERSON) + get(Counter.RECEIVED_BY_POST);
    }

    boolean isEmpty() {
        return flows.values().stream().allMatch(v -> v == 0) && carriedOver == 0 && inProgress == 0;
    }

    DossierCounts counts() {
        long received = received();
        long toHandle = toHandle();
        long resolvedLate = get(Counter.RESOLVED_LATE);
        long resolved = get(Counter.RESOLVED_EARLY) + get(Counter.RESOLVED_ON_TIME) + resolvedLate;
        Double lateRate = rate(resolvedLate + overdue, toHandle);
        Double onTimeRate = lateRate == null ? null : round(100.0 - lateRate);
        long ratings = get(Counter.RATINGS);
        long payments = get(Counter.PAYMENTS);
        return new DossierCounts(
                new DossierCounts.Received(received, get(Counter.RECEIVED_ONLINE), get(Counter.RECEIVED_IN_PERSON),
                        get(Counter.RECEIVED_BY_POST), carriedOver, toHandle),
                new DossierCounts.Resolved(resolved, get(Counter.RESOLVED_EARLY), get(Counter.RESOLVED_ON_TIME), resolvedLate,
                        get(Counter.RESOLVED_REFUSED)),
                new DossierCounts.InProgress(inProgress, inProgress - overdue, overdue),
                get(Counter.RETURNED), get(Counter.REFUSED), get(Counter.WITHDRAWN), get(Counter.SUPPLEMENT_REQUESTS),
                onTimeRate, lateRate,
                new DossierCounts.Decision766(onTimeRate, rate(get(Counter.RECEIVED_ONLINE), received),
                        rate(get(Counter.RECEIVED_DIGITIZED), received),
                        payments == 0 ? null : rate(get(Counter.PAID_ONLINE), get(Counter.RECEIVED_FEE)),
                        rate(get(Counter.RATINGS_GOOD), ratings),
                        ratings == 0 ? null : round((double) get(Counter.RATING_SUM) / ratings), ratings));
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    private static Double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
