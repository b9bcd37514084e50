package vn.gov.egov.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One date as the calendar sees it: whether officials work, and if not (or unusually so) why.
 *
 * @param specialDay the holiday, day off or make-up working day on this date, or null for an ordinary day
 */
public record CalendarDay(LocalDate date, boolean workingDay, SpecialDay specialDay, LunarDate lunarDate) {

    public boolean weekend() {
        return WorkingWeek.isWeekend(date);
    }

    public DayOfWeek dayOfWeek() {
        return date.getDayOfWeek();
    }

    public Optional<SpecialDay> special() {
        return Optional.ofNullable(specialDay);
    }
}
