package vn.gov.egov.calendar;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Working time between two instants: office time on working days only. Negative when the end is before the start.
 *
 * @param duration    the working time
 * @param workingDays the same in working days of {@link WorkingCalendar#workingDayLength()}, two decimals
 */
public record WorkingTime(Duration duration, BigDecimal workingDays) {

    public long minutes() {
        return duration.toMinutes();
    }

    public boolean isNegative() {
        return duration.isNegative();
    }
}
