package vn.gov.egov.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.gov.egov.calendar.WorkingCalendar;

/** Numbers and dates as Vietnamese readers write them: 95,5 %, 27/11/2026. */
final class StatisticsFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingCalendar.ZONE);

    private StatisticsFormat() {
    }

    static String percent(Double value) {
        if (value == null) {
            return "–";
        }
        String text = value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(java.util.Locale.ROOT, "%.2f", value)
                .replaceAll("0$", "");
        return text.replace('.', ',') + " %";
    }

    static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
