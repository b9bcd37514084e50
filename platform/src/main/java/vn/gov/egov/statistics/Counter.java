package vn.gov.egov.statistics;

/** The per-day and per-month counters of the rollup tables: one column each, named here only. */
enum Counter {
    RECEIVED_ONLINE, RECEIVED_IN_PERSON, RECEIVED_BY_POST, RECEIVED_DIGITIZED, RECEIVED_FEE,
    RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE, RESOLVED_REFUSED,
    RETURNED, REFUSED, WITHDRAWN, SUPPLEMENT_REQUESTS,
    RATINGS, RATINGS_GOOD, RATING_SUM,
    PAYMENTS, PAID_ONLINE;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
