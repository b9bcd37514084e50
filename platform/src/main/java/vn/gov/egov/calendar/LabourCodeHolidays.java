package vn.gov.egov.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days off that Labour Code 45/2019/QH14 Art. 112 gives every year, before any announcement:
 * <ul>
 * <li>1 January;</li>
 * <li>Tết, 5 days: the Code lets the Government choose them each year; the default here is the last day of the
 * lunar year and the 1st to 4th of the new year;</li>
 * <li>the 10th of the 3rd lunar month (Hùng Kings); 30 April; 1 May;</li>
 * <li>2 September and one adjacent day: 1 September, or 3 September when 1 September is a weekend day;</li>
 * <li>Art. 112(3): a holiday on a Saturday or Sunday (or on another holiday) gives a compensatory day off on the
 * next working day, in the order of the holidays.</li>
 * </ul>
 * The rules of the 2019 Code are applied to every year; earlier years had other rules (e.g. one day in September
 * before 2021), which announcements can correct when a past year matters.
 */
final class LabourCodeHolidays {

    private LabourCodeHolidays() {
    }

    /** The year's holidays and compensatory days off, by date. */
    static List<SpecialDay> of(int year) {
        List<SpecialDay> holidays = holidays(year);
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        List<SpecialDay> toCompensate = new ArrayList<>();
        for (SpecialDay holiday : holidays) {
            if (days.putIfAbsent(holiday.date(), holiday) != null || WorkingWeek.isWeekend(holiday.date())) {
                toCompensate.add(holiday);
            }
        }
        for (SpecialDay holiday : toCompensate) {
            LocalDate day = holiday.date().plusDays(1);
            while (WorkingWeek.isWeekend(day) || days.containsKey(day)) {
                day = day.plusDays(1);
            }
            days.put(day, compensatory(day, holiday));
        }
        return List.copyOf(days.values());
    }

    private static List<SpecialDay> holidays(int year) {
        List<SpecialDay> holidays = new ArrayList<>();
        holidays.add(solar(LocalDate.of(year, Month.JANUARY, 1), PublicHoliday.NEW_YEAR, ""));
        LocalDate tet = LunarDate.newYear(year);
        LocalDate newYearsEve = tet.minusDays(1);
        LunarDate eve = LunarDate.fromSolar(newYearsEve);
        holidays.add(lunar(newYearsEve, eve, PublicHoliday.LUNAR_NEW_YEAR,
                " (" + eve.day() + " tháng Chạp)", " (New Year's Eve)"));
        for (int day = 1; day <= 4; day++) {
            holidays.add(lunar(tet.plusDays(day - 1), new LunarDate(year, 1, day, false), PublicHoliday.LUNAR_NEW_YEAR,
                    " (mùng " + day + ")", " (day " + day + ")"));
        }
        LunarDate hungKings = new LunarDate(year, 3, 10, false);
        holidays.add(lunar(hungKings.toSolar(), hungKings, PublicHoliday.HUNG_KINGS, " (10/3 âm lịch)", ""));
        holidays.add(solar(LocalDate.of(year, Month.APRIL, 30), PublicHoliday.VICTORY_DAY, ""));
        holidays.add(solar(LocalDate.of(year, Month.MAY, 1), PublicHoliday.LABOUR_DAY, ""));
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        LocalDate adjacent = WorkingWeek.isWeekend(nationalDay.minusDays(1)) ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
        holidays.add(solar(nationalDay, PublicHoliday.NATIONAL_DAY, ""));
        holidays.add(new SpecialDay(adjacent, DayKind.PUBLIC_HOLIDAY, PublicHoliday.NATIONAL_DAY.vietnamese() + " (ngày liền kề)",
                PublicHoliday.NATIONAL_DAY.english() + " (adjacent day)", null, SpecialDay.Source.LABOUR_CODE, null, null));
        holidays.sort((a, b) -> a.date().compareTo(b.date()));
        return holidays;
    }

    private static SpecialDay solar(LocalDate date, PublicHoliday holiday, String suffix) {
        return new SpecialDay(date, DayKind.PUBLIC_HOLIDAY, holiday.vietnamese() + suffix, holiday.english(), null,
                SpecialDay.Source.LABOUR_CODE, null, null);
    }

    private static SpecialDay lunar(LocalDate date, LunarDate lunarDate, PublicHoliday holiday,
                                    String suffix, String englishSuffix) {
        return new SpecialDay(date, DayKind.PUBLIC_HOLIDAY, holiday.vietnamese() + suffix, holiday.english() + englishSuffix,
                lunarDate, SpecialDay.Source.LABOUR_CODE, null, null);
    }

    private static SpecialDay compensatory(LocalDate date, SpecialDay holiday) {
        return new SpecialDay(date, DayKind.COMPENSATORY_DAY_OFF, "Nghỉ bù " + holiday.name(),
                "Compensatory day off for " + holiday.englishName(), null, SpecialDay.Source.LABOUR_CODE, null,
                holiday.date());
    }
}
