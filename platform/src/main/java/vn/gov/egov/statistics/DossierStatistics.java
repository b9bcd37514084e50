package vn.gov.egov.statistics;

import java.time.LocalDate;

/** The one-stop statistics as other modules (and the public API) read them: aggregates only, nothing personal. */
public interface DossierStatistics {

    /**
     * The counts of the period {@code from}–{@code to} (both days included, Vietnam time) per group, and their total.
     * Received, resolved, returned, refused, withdrawn and supplement requests count what happened in the period;
     * carried over is what was in processing when it began, in progress what still was when it ended.
     */
    StatisticsReport report(LocalDate from, LocalDate to, Grouping groupBy);
}
