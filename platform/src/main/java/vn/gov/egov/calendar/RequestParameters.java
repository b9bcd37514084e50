package vn.gov.egov.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the calendar API's query and path parameters, so that a bad one is answered with a Vietnamese problem
 * detail naming it and the rule it breaks, rather than a framework message.
 */
final class RequestParameters {

    private RequestParameters() {
    }

    static int year(String name, String value) {
        int year = integer(name, value, "một năm, ví dụ 2026");
        if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
            throw CalendarProblem.badParameter(name, "range", "năm phải từ " + WorkingCalendar.FIRST_YEAR + " đến "
                    + WorkingCalendar.LAST_YEAR + " (nhận được " + year + ").");
        }
        return year;
    }

    static LocalDate date(String name, String value) {
        required(name, value, "một ngày dạng YYYY-MM-DD, ví dụ 2026-02-17");
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw CalendarProblem.badParameter(name, "format", "phải là ngày dạng YYYY-MM-DD, ví dụ 2026-02-17 (nhận được '"
                    + value + "').");
        }
        return inRange(name, date);
    }

    static int workingDays(String name, String value) {
        int days = integer(name, value, "số ngày làm việc, từ 0 đến " + WorkingCalendar.MAX_WORKING_DAYS);
        if (days < 0 || days > WorkingCalendar.MAX_WORKING_DAYS) {
            throw CalendarProblem.badParameter(name, "range", "số ngày làm việc phải từ 0 đến "
                    + WorkingCalendar.MAX_WORKING_DAYS + " (nhận được " + days + ").");
        }
        return days;
    }

    /** Hours of office time, up to {@link WorkingCalendar#MAX_WORKING_DAYS} working days' worth. */
    static int hours(String name, String value, long maxHours) {
        int hours = integer(name, value, "số giờ làm việc, từ 0 đến " + maxHours);
        if (hours < 0 || hours > maxHours) {
            throw CalendarProblem.badParameter(name, "range", "số giờ làm việc phải từ 0 đến " + maxHours + " ("
                    + WorkingCalendar.MAX_WORKING_DAYS + " ngày làm việc; nhận được " + hours + ").");
        }
        return hours;
    }

    /**
     * An instant ({@code 2026-02-13T08:00:00Z}), a date-time with offset ({@code 2026-02-13T15:00+07:00}) or a local
     * date-time in Vietnam ({@code 2026-02-13T15:00}). A '+' sent unencoded in a query arrives as a space: put back.
     */
    static Instant instant(String name, String value) {
        required(name, value, "một thời điểm ISO 8601, ví dụ 2026-02-13T15:00 (giờ Việt Nam) hoặc 2026-02-13T08:00:00Z");
        String text = value.trim().replace(' ', '+');
        Instant instant = parseInstant(text);
        if (instant == null) {
            throw CalendarProblem.badParameter(name, "format", "phải là thời điểm ISO 8601, ví dụ 2026-02-13T15:00 (giờ Việt Nam),"
                    + " 2026-02-13T15:00+07:00 hoặc 2026-02-13T08:00:00Z (nhận được '" + value + "').");
        }
        inRange(name, LocalDate.ofInstant(instant, WorkingCalendar.ZONE));
        return instant;
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant(); // also takes 2026-02-13T08:00:00Z
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(WorkingCalendar.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static LocalDate inRange(String name, LocalDate date) {
        if (date.getYear() < WorkingCalendar.FIRST_YEAR || date.getYear() > WorkingCalendar.LAST_YEAR) {
            throw CalendarProblem.badParameter(name, "range", "ngày phải trong các năm " + WorkingCalendar.FIRST_YEAR + "–"
                    + WorkingCalendar.LAST_YEAR + " (nhận được " + date + ").");
        }
        return date;
    }

    private static int integer(String name, String value, String expected) {
        required(name, value, expected);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw CalendarProblem.badParameter(name, "integer", "phải là số nguyên: " + expected + " (nhận được '" + value + "').");
        }
    }

    private static void required(String name, String value, String expected) throws ErrorResponseException {
        if (value == null || value.isBlank()) {
            throw CalendarProblem.badParameter(name, "required", "bắt buộc, là " + expected + ".");
        }
    }
}
