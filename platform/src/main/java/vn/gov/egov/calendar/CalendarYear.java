package vn.gov.egov.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** One year as computed: the Labour Code's days with the year's announcements laid over them. */
final class CalendarYear {

    private final int year;
    private final NavigableMap<LocalDate, SpecialDay> days;

    private CalendarYear(int year, NavigableMap<LocalDate, SpecialDay> days) {
        this.year = year;
        this.days = days;
    }

    static CalendarYear of(int year, Collection<Announcement> announcements) {
        NavigableMap<LocalDate, SpecialDay> days = new TreeMap<>();
        LabourCodeHolidays.of(year).forEach(day -> days.put(day.date(), day));
        for (Announcement announcement : announcements) {
            if (announcement.date().getYear() != year || !announcement.isCurrent()) {
                throw new IllegalArgumentException("not a current announcement of " + year + ": " + announcement);
            }
            // an announcement overrides the rules, including a holiday worked as a make-up day
            days.put(announcement.date(), announcement.asSpecialDay());
        }
        return new CalendarYear(year, days);
    }

    int year() {
        return year;
    }

    boolean isWorkingDay(LocalDate date) {
        SpecialDay special = days.get(date);
        return special == null ? !WorkingWeek.isWeekend(date) : !special.isDayOff();
    }

    Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    List<SpecialDay> specialDays() {
        return List.copyOf(days.values());
    }

    List<SpecialDay> daysOff() {
        return days.values().stream().filter(SpecialDay::isDayOff).toList();
    }

    List<SpecialDay> makeUpWorkingDays() {
        return days.values().stream().filter(day -> !day.isDayOff()).toList();
    }
}
