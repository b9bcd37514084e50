package vn.gov.egov.calendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The calendar API's JSON documents: a public contract, kept apart from the module's Java types. */
final class CalendarApiJson {

    private CalendarApiJson() {
    }

    record Lunar(int year, int month, int day, boolean leapMonth, String text, String yearName) {

        static Lunar of(LunarDate date) {
            return date == null ? null : new Lunar(date.year(), date.month(), date.day(), date.leapMonth(),
                    date.toString(), date.yearName());
        }
    }

    /** A day off or make-up working day. */
    record Day(LocalDate date, DayOfWeek dayOfWeek, DayKind kind, String name, String englishName, Lunar lunarDate,
               SpecialDay.Source source, String decisionNumber, LocalDate compensatesFor) {

        static Day of(SpecialDay day) {
            return new Day(day.date(), day.date().getDayOfWeek(), day.kind(), day.name(), day.englishName(),
                    Lunar.of(day.lunarDate()), day.source(), day.decisionNumber(), day.compensatesFor());
        }
    }

    record Holidays(int year, List<Day> daysOff, List<Day> makeUpWorkingDays) {
    }

    record AddedWorkingDays(LocalDate from, int days, LocalDate result) {
    }

    /**
     * @param kind REGULAR_WORKING_DAY, WEEKEND, or a {@link DayKind}
     */
    record WorkingDay(LocalDate date, DayOfWeek dayOfWeek, boolean workingDay, String kind, String name,
                      String englishName, Lunar lunarDate, SpecialDay.Source source, String decisionNumber,
                      LocalDate compensatesFor) {

        static WorkingDay of(CalendarDay day) {
            SpecialDay special = day.specialDay();
            if (special == null) {
                return new WorkingDay(day.date(), day.dayOfWeek(), day.workingDay(),
                        day.weekend() ? "WEEKEND" : "REGULAR_WORKING_DAY",
                        day.weekend() ? "Ngày nghỉ hằng tuần" : "Ngày làm việc",
                        day.weekend() ? "Weekend" : "Working day", Lunar.of(day.lunarDate()), null, null, null);
            }
            return new WorkingDay(day.date(), day.dayOfWeek(), day.workingDay(), special.kind().name(), special.name(),
                    special.englishName(), Lunar.of(day.lunarDate()), special.source(), special.decisionNumber(),
                    special.compensatesFor());
        }
    }

    /** Times in Vietnam's local time with offset, e.g. 2026-02-23T09:30:00+07:00. */
    record AddedWorkingHours(String from, int hours, String result, Instant resultInstant) {

        static AddedWorkingHours of(Instant from, int hours, ZonedDateTime result) {
            return new AddedWorkingHours(local(from), hours, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(result),
                    result.toInstant());
        }
    }

    record WorkingTimeBetween(String from, String to, long minutes, BigDecimal workingDays, String duration) {

        static WorkingTimeBetween of(Instant from, Instant to, WorkingTime time) {
            return new WorkingTimeBetween(local(from), local(to), time.minutes(), time.workingDays(),
                    time.duration().toString());
        }
    }

    record LunarOfDate(LocalDate date, Lunar lunarDate) {
    }

    /** An announcement as the administrator sees it, with who recorded it and when. */
    record AnnouncementView(LocalDate date, AnnouncementKind kind, String reason, String decisionNumber,
                            String recordedBy, Instant recordedAt, String endedBy, Instant endedAt,
                            Announcement.Ending ending) {

        static AnnouncementView of(Announcement a) {
            return new AnnouncementView(a.date(), a.kind(), a.reason(), a.decisionNumber(), a.recordedBy(),
                    a.recordedAt(), a.endedBy(), a.endedAt(), a.ending());
        }
    }

    record Announcements(int year, List<AnnouncementView> announcements, List<AnnouncementView> history) {
    }

    /** Body of POST (with date) and PUT (date in the path). */
    record AnnouncementBody(String date, String kind, String reason, String decisionNumber) {
    }

    private static String local(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(WorkingCalendar.ZONE));
    }
}
