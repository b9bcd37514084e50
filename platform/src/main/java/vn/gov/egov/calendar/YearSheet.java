package vn.gov.egov.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a year view shows: twelve month grids (weeks from Monday) and the list of special days. */
record YearSheet(int year, List<Month> months, List<SpecialDay> specialDays, int workingDays) {

    record Month(int month, List<List<Cell>> weeks) {
    }

    /** One square of a month grid; {@code date} is null for the padding before the 1st and after the last day. */
    record Cell(LocalDate date, boolean workingDay, boolean weekend, SpecialDay specialDay) {

        /** The CSS class, always paired with a text marker in the page: colour is never the only sign. */
        public String css() {
            if (date == null) {
                return "";
            }
            if (specialDay != null) {
                return specialDay.isDayOff() ? "day-off" : "day-makeup";
            }
            return weekend ? "day-weekend" : "";
        }
    }

    static YearSheet of(int year, WorkingCalendar calendar) {
        List<Month> months = new ArrayList<>();
        int workingDays = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth yearMonth = YearMonth.of(year, m);
            List<Cell> cells = new ArrayList<>(Collections.nCopies(yearMonth.atDay(1).getDayOfWeek().getValue() - 1,
                    new Cell(null, false, false, null)));
            for (int d = 1; d <= yearMonth.lengthOfMonth(); d++) {
                CalendarDay day = calendar.day(yearMonth.atDay(d));
                cells.add(new Cell(day.date(), day.workingDay(), day.weekend(), day.specialDay()));
                workingDays += day.workingDay() ? 1 : 0;
            }
            while (cells.size() % 7 != 0) {
                cells.add(new Cell(null, false, false, null));
            }
            List<List<Cell>> weeks = new ArrayList<>();
            for (int i = 0; i < cells.size(); i += DayOfWeek.values().length) {
                weeks.add(List.copyOf(cells.subList(i, i + 7)));
            }
            months.add(new Month(m, weeks));
        }
        return new YearSheet(year, months, calendar.specialDays(year), workingDays);
    }
}
