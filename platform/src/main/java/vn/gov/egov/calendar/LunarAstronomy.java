package vn.gov.egov.calendar;

/**
 * Ho Ngoc Duc's astronomical algorithm for the Vietnamese lunisolar calendar ("Âm lịch Việt Nam"): a month begins
 * on the day of the new moon and the 11th month is the one containing the winter solstice, both evaluated in
 * local time. Time zone +7 is what makes the Vietnamese calendar differ from the Chinese one (+8), e.g. Tết 1985
 * and 2007. Days are Julian day numbers; the series are accurate enough for 1800–2199, we promise 1900–2100.
 */
final class LunarAstronomy {

    /** Vietnam's time zone in hours (UTC+7), used since 1968 for the calendar. */
    static final double VIETNAM = 7.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the new moon of 1900-01-01, the origin of new-moon numbering k. */
    private static final double NEW_MOON_ORIGIN = 2415021.076998695;
    /** Julian day number of 1970-01-01 (epoch day 0). */
    private static final long EPOCH_JULIAN_DAY = 2440588;

    private LunarAstronomy() {
    }

    static long julianDay(java.time.LocalDate date) {
        return date.toEpochDay() + EPOCH_JULIAN_DAY;
    }

    static java.time.LocalDate fromJulianDay(long julianDay) {
        return java.time.LocalDate.ofEpochDay(julianDay - EPOCH_JULIAN_DAY);
    }

    /** Moment (Julian day, UTC) of the k-th new moon after the one of January 1900 (Meeus, simplified). */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** The sun's apparent longitude in radians, normalized to [0, 2π), at the given Julian day (UTC). */
    static double sunLongitude(double julianDay) {
        double t = (julianDay - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** Local day (Julian day number) on which the k-th new moon falls. */
    static long newMoonDay(long k, double timeZone) {
        return (long) Math.floor(newMoon(k) + 0.5 + timeZone / 24);
    }

    /** Which of the 12 thirty-degree sectors (0–11) the sun is in at the start of the local day. */
    static int sunSector(long julianDay, double timeZone) {
        return (int) Math.floor(sunLongitude(julianDay - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    /** First day of the 11th lunar month (the month with the winter solstice) that begins in the given solar year. */
    static long lunarMonth11(int solarYear, double timeZone) {
        long offset = julianDay(java.time.LocalDate.of(solarYear, 12, 31)) - 2415021;
        long k = (long) Math.floor(offset / SYNODIC_MONTH);
        long newMoonDay = newMoonDay(k, timeZone);
        if (sunSector(newMoonDay, timeZone) >= 9) {
            newMoonDay = newMoonDay(k - 1, timeZone);
        }
        return newMoonDay;
    }

    /**
     * In a 13-month year starting at month 11 {@code a11}: the offset (1–12) of the leap month after month 11,
     * the first month without a major solar term (no change of sun sector during the month).
     */
    static int leapMonthOffset(long a11, double timeZone) {
        long k = (long) Math.floor((a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
        int last;
        do {
            last = arc;
            i++;
            arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** Solar to lunar: {day, month, year, leap (0/1)}. */
    static int[] toLunar(java.time.LocalDate solar, double timeZone) {
        long dayNumber = julianDay(solar);
        long k = (long) Math.floor((dayNumber - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1, timeZone);
        // the mean-month estimate of k can be one too high (e.g. 2054-05-07, 2062-04-09): step back until it fits
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k + 1, timeZone);
        }
        int year = solar.getYear();
        long a11 = lunarMonth11(year, timeZone);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = lunarMonth11(year - 1, timeZone);
        } else {
            lunarYear = year + 1;
            b11 = lunarMonth11(year + 1, timeZone);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        int leap = 0;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11, timeZone);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                if (diff == leapMonthDiff) {
                    leap = 1;
                }
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new int[] {lunarDay, lunarMonth, lunarYear, leap};
    }

    /**
     * Julian day number on which the given lunar month begins, or -1 when the year has no such (leap) month.
     */
    static long monthStart(int lunarYear, int lunarMonth, boolean leap, double timeZone) {
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1, timeZone);
            b11 = lunarMonth11(lunarYear, timeZone);
        } else {
            a11 = lunarMonth11(lunarYear, timeZone);
            b11 = lunarMonth11(lunarYear + 1, timeZone);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
        int offset = lunarMonth - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11, timeZone);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (leap && lunarMonth != leapMonth) {
                return -1;
            } else if (leap || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leap) {
            return -1;
        }
        return newMoonDay(k + offset, timeZone);
    }
}
