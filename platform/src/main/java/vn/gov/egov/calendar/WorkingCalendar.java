package vn.gov.egov.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The one place that knows which days officials work; every due date in the platform asks it.
 * <p>
 * Days off: Saturdays and Sundays; the holidays of Labour Code 45/2019/QH14 Art. 112 computed for any year
 * (lunar dates for UTC+7), with a compensatory day off on the next working day when one falls on a weekend; and
 * the days off and make-up working days the Government announces for the year, which override the rules.
 * Office hours are configured by {@code egov.calendar.office-hours} (default 07:30–11:30 and 13:00–17:00, 8 hours),
 * in {@link #ZONE}.
 * <p>
 * Supported dates: years {@value #FIRST_YEAR}–{@value #LAST_YEAR}; outside them, and for negative or absurd
 * counts, the methods throw {@link IllegalArgumentException}.
 */
public interface WorkingCalendar {

    ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    int FIRST_YEAR = LunarDate.FIRST_YEAR;
    int LAST_YEAR = LunarDate.LAST_YEAR;
    /** The largest count of working days one call may add: about fourteen years. */
    int MAX_WORKING_DAYS = 3650;

    boolean isWorkingDay(LocalDate date);

    /** The date with whether officials work and, if it is not an ordinary day, why. */
    CalendarDay day(LocalDate date);

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself not counted). With 0 days: {@code from}
     * if it is a working day, else the next working day.
     *
     * @param days 0 to {@value #MAX_WORKING_DAYS}
     */
    LocalDate addWorkingDays(LocalDate from, int days);

    /**
     * Working days in ({@code from}, {@code to}]: the inverse of {@link #addWorkingDays}; negative when {@code to}
     * is before {@code from}.
     */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /**
     * The moment when {@code workingTime} of office hours on working days has passed since {@code from}; a start
     * outside office hours counts from the next office period. A result at the end of a period stays there
     * (adding 4 hours at 07:30 gives 11:30, not 13:00).
     *
     * @param workingTime zero to {@value #MAX_WORKING_DAYS} working days' worth
     */
    ZonedDateTime addWorkingTime(Instant from, Duration workingTime);

    default ZonedDateTime addWorkingHours(Instant from, int hours) {
        return addWorkingTime(from, Duration.ofHours(hours));
    }

    /** Office time on working days between two instants; negative when {@code to} is before {@code from}. */
    WorkingTime workingTimeBetween(Instant from, Instant to);

    /** Office time in one working day (8 hours by default). */
    Duration workingDayLength();

    /** The year's days off other than weekends (holidays, compensatory and announced days off), by date. */
    List<SpecialDay> daysOff(int year);

    /** The year's make-up working days, by date. */
    List<SpecialDay> makeUpWorkingDays(int year);

    /** Both of the above, by date: what a year view marks. */
    List<SpecialDay> specialDays(int year);
}
