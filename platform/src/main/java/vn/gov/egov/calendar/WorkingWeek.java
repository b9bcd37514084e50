package vn.gov.egov.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Officials work Monday to Friday: the 40-hour week of Decision 188/1999/QĐ-TTg. */
final class WorkingWeek {

    private WorkingWeek() {
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
