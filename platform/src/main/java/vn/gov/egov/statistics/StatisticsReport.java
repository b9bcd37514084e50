package vn.gov.egov.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of a period, per group and in total.
 *
 * @param asAt   when in-progress and overdue were judged: the end of {@code to}, or now if that is still to come
 * @param groups one entry per agency, field or procedure that had something to count, largest "to handle" first
 */
public record StatisticsReport(LocalDate from, LocalDate to, String groupBy, Instant asAt, List<GroupCounts> groups,
                               DossierCounts total) {

    /** One agency, field or procedure: its code, its name today, and its counts. */
    public record GroupCounts(String code, String name, DossierCounts counts) {
    }
}
