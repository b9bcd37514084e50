package vn.gov.egov.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An administrator recorded, revised or withdrew an announced day off or make-up working day: due dates that
 * count across {@code date} may have moved and should be recomputed.
 */
public record WorkingCalendarChanged(int year, LocalDate date, Change change, String changedBy, Instant changedAt) {

    public enum Change {
        ANNOUNCED,
        REVISED,
        WITHDRAWN
    }
}
