package vn.gov.egov.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date that is not an ordinary weekday or weekend day: a day off, or a make-up working day.
 *
 * @param name           Vietnamese name, e.g. "Tết Nguyên đán (mùng 1)"; for an announcement, its reason
 * @param englishName    English name
 * @param lunarDate      the lunar date, for the holidays that follow the lunar calendar; otherwise null
 * @param source         the Labour Code's rules or an announcement
 * @param decisionNumber the announcing document ("Thông báo 6150/TB-BLĐTBXH"), for announcements; otherwise null
 * @param compensatesFor the holiday that fell on a weekend, for a compensatory day off; otherwise null
 */
public record SpecialDay(LocalDate date, DayKind kind, String name, String englishName, LunarDate lunarDate,
                         Source source, String decisionNumber, LocalDate compensatesFor) {

    public enum Source {
        /** Computed from Labour Code 45/2019/QH14, Art. 112. */
        LABOUR_CODE,
        /** Recorded by an administrator from the Government's announcement for the year. */
        ANNOUNCEMENT
    }

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(source, "source");
    }

    public boolean isDayOff() {
        return kind.isDayOff();
    }
}
