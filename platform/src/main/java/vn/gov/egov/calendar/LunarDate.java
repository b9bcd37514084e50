package vn.gov.egov.calendar;

import java.time.LocalDate;

/**
 * A date of the Vietnamese lunar calendar, computed astronomically for UTC+7 (not the Chinese calendar, which is
 * computed for UTC+8 and differs in some years, e.g. Tết 1985 and 2007). A year has 12 months, or 13 when one of
 * them is repeated as a leap month ({@code leapMonth} marks the repetition, "tháng nhuận").
 * <p>
 * Supported: solar dates from {@value #FIRST_YEAR}-01-01 to {@value #LAST_YEAR}-12-31; a lunar date is valid only
 * if it exists (a month has 29 or 30 days; only the year's leap month can be marked leap).
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Tháng âm lịch phải từ 1 đến 12: " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("Ngày âm lịch phải từ 1 đến 30: " + day);
        }
        // lunar year 1899 holds the first weeks of solar 1900
        if (year < FIRST_YEAR - 1 || year > LAST_YEAR) {
            throw new IllegalArgumentException("Năm âm lịch ngoài phạm vi hỗ trợ " + FIRST_YEAR + "–" + LAST_YEAR + ": " + year);
        }
        long start = LunarAstronomy.monthStart(year, month, leapMonth, LunarAstronomy.VIETNAM);
        if (start < 0) {
            throw new IllegalArgumentException("Năm âm lịch " + year + " không có tháng " + month + " nhuận");
        }
        if (day > monthLength(start)) {
            throw new IllegalArgumentException("Tháng " + month + (leapMonth ? " nhuận" : "") + " năm âm lịch " + year
                    + " chỉ có 29 ngày");
        }
        checkRange(LunarAstronomy.fromJulianDay(start + day - 1));
    }

    /** The lunar date of a solar (Gregorian) date, in Vietnam's time zone. */
    public static LunarDate fromSolar(LocalDate date) {
        checkRange(date);
        int[] lunar = LunarAstronomy.toLunar(date, LunarAstronomy.VIETNAM);
        return new LunarDate(lunar[2], lunar[1], lunar[0], lunar[3] == 1);
    }

    /** The solar date of lunar New Year's Day (mùng 1 Tết) of the lunar year beginning in the given solar year. */
    public static LocalDate newYear(int year) {
        return new LunarDate(year, 1, 1, false).toSolar();
    }

    public LocalDate toSolar() {
        return LunarAstronomy.fromJulianDay(LunarAstronomy.monthStart(year, month, leapMonth, LunarAstronomy.VIETNAM) + day - 1);
    }

    /** 29 or 30. */
    public int monthLength() {
        return monthLength(LunarAstronomy.monthStart(year, month, leapMonth, LunarAstronomy.VIETNAM));
    }

    /** The year's name in the sexagenary cycle, e.g. "Bính Ngọ" for 2026. */
    public String yearName() {
        return STEMS[Math.floorMod(year + 6, 10)] + " " + BRANCHES[Math.floorMod(year + 8, 12)];
    }

    /** Vietnamese short form: {@code 10/3/2026}, a leap month as {@code 1/2 nhuận/2023}. */
    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year;
    }

    private static int monthLength(long start) {
        // the month ends where the next new moon's day begins, whatever that month's number
        long k = Math.round((start - 2415021.076998695) / 29.530588853);
        while (LunarAstronomy.newMoonDay(k, LunarAstronomy.VIETNAM) > start) {
            k--;
        }
        while (LunarAstronomy.newMoonDay(k + 1, LunarAstronomy.VIETNAM) <= start) {
            k++;
        }
        return (int) (LunarAstronomy.newMoonDay(k + 1, LunarAstronomy.VIETNAM) - start);
    }

    static void checkRange(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("Ngày " + date + " ngoài phạm vi lịch âm được hỗ trợ ("
                    + FIRST_YEAR + "–" + LAST_YEAR + ")");
        }
    }
}
