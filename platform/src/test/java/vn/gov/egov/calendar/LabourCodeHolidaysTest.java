package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabourCodeHolidaysTest {

    @Test
    void year2026HasElevenHolidaysAndOneCompensatoryDay() {
        assertThat(LabourCodeHolidays.of(2026))
                .extracting(SpecialDay::date, SpecialDay::kind, SpecialDay::name)
                .containsExactly(
                        tuple(date("2026-01-01"), DayKind.PUBLIC_HOLIDAY, "Tết Dương lịch"),
                        tuple(date("2026-02-16"), DayKind.PUBLIC_HOLIDAY, "Tết Nguyên đán (29 tháng Chạp)"),
                        tuple(date("2026-02-17"), DayKind.PUBLIC_HOLIDAY, "Tết Nguyên đán (mùng 1)"),
                        tuple(date("2026-02-18"), DayKind.PUBLIC_HOLIDAY, "Tết Nguyên đán (mùng 2)"),
                        tuple(date("2026-02-19"), DayKind.PUBLIC_HOLIDAY, "Tết Nguyên đán (mùng 3)"),
                        tuple(date("2026-02-20"), DayKind.PUBLIC_HOLIDAY, "Tết Nguyên đán (mùng 4)"),
                        tuple(date("2026-04-26"), DayKind.PUBLIC_HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                        tuple(date("2026-04-27"), DayKind.COMPENSATORY_DAY_OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                        tuple(date("2026-04-30"), DayKind.PUBLIC_HOLIDAY, "Ngày Chiến thắng"),
                        tuple(date("2026-05-01"), DayKind.PUBLIC_HOLIDAY, "Ngày Quốc tế Lao động"),
                        tuple(date("2026-09-01"), DayKind.PUBLIC_HOLIDAY, "Quốc khánh (ngày liền kề)"),
                        tuple(date("2026-09-02"), DayKind.PUBLIC_HOLIDAY, "Quốc khánh"));
    }

    @Test
    void lunarHolidaysCarryTheirLunarDate() {
        List<SpecialDay> days = LabourCodeHolidays.of(2026);

        assertThat(days).filteredOn(day -> day.date().equals(date("2026-04-26")))
                .singleElement().extracting(SpecialDay::lunarDate).isEqualTo(new LunarDate(2026, 3, 10, false));
        assertThat(days).filteredOn(day -> day.date().equals(date("2026-02-16")))
                .singleElement().extracting(SpecialDay::lunarDate).isEqualTo(new LunarDate(2025, 12, 29, false));
        assertThat(days).allSatisfy(day -> assertThat(day.source()).isEqualTo(SpecialDay.Source.LABOUR_CODE));
    }

    @Test
    void nationalDayOnASaturdayKeepsTheFridayAndGivesMondayOff() {
        // 2 September 2023 was a Saturday
        assertThat(LabourCodeHolidays.of(2023))
                .filteredOn(day -> day.date().getMonthValue() == 9)
                .extracting(SpecialDay::date, SpecialDay::kind, SpecialDay::compensatesFor)
                .containsExactly(
                        tuple(date("2023-09-01"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2023-09-02"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2023-09-04"), DayKind.COMPENSATORY_DAY_OFF, date("2023-09-02")));
    }

    @Test
    void nationalDayAfterAWeekendTakesThe3rdAsTheAdjacentDay() {
        // 1 September 2024 was a Sunday
        assertThat(LabourCodeHolidays.of(2024))
                .filteredOn(day -> day.date().getMonthValue() == 9)
                .extracting(SpecialDay::date, SpecialDay::kind)
                .containsExactly(
                        tuple(date("2024-09-02"), DayKind.PUBLIC_HOLIDAY),
                        tuple(date("2024-09-03"), DayKind.PUBLIC_HOLIDAY));
    }

    @Test
    void newYearsDayOnASundayGivesMondayOff() {
        assertThat(LabourCodeHolidays.of(2023))
                .filteredOn(day -> day.date().getMonthValue() == 1 && day.date().getDayOfMonth() <= 2)
                .extracting(SpecialDay::date, SpecialDay::kind)
                .containsExactly(
                        tuple(date("2023-01-01"), DayKind.PUBLIC_HOLIDAY),
                        tuple(date("2023-01-02"), DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void tetOverAWeekendIsCompensatedAfterTheWholeHoliday() {
        // Tết 2024 began on Saturday 10 February: the 10th and 11th are compensated on the 14th and 15th
        assertThat(LabourCodeHolidays.of(2024))
                .filteredOn(day -> day.date().getMonthValue() == 2)
                .extracting(SpecialDay::date, SpecialDay::kind, SpecialDay::compensatesFor)
                .containsExactly(
                        tuple(date("2024-02-09"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2024-02-10"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2024-02-11"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2024-02-12"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2024-02-13"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2024-02-14"), DayKind.COMPENSATORY_DAY_OFF, date("2024-02-10")),
                        tuple(date("2024-02-15"), DayKind.COMPENSATORY_DAY_OFF, date("2024-02-11")));
    }

    @Test
    void hungKingsOnASaturdayBeforeThirtyAprilAndFirstMayIsCompensatedAfterThem() {
        // 2023: Hùng Kings' day Saturday 29 April, Victory Day Sunday 30 April, Labour Day Monday 1 May
        assertThat(LabourCodeHolidays.of(2023))
                .filteredOn(day -> day.date().isAfter(date("2023-04-28")) && day.date().isBefore(date("2023-05-10")))
                .extracting(SpecialDay::date, SpecialDay::kind, SpecialDay::compensatesFor)
                .containsExactly(
                        tuple(date("2023-04-29"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2023-04-30"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2023-05-01"), DayKind.PUBLIC_HOLIDAY, null),
                        tuple(date("2023-05-02"), DayKind.COMPENSATORY_DAY_OFF, date("2023-04-29")),
                        tuple(date("2023-05-03"), DayKind.COMPENSATORY_DAY_OFF, date("2023-04-30")));
    }

    @Test
    void hungKingsOnVictoryDayGivesTheNextWorkingDayOff() {
        // 10/3 lunar fell on 30 April in 1947 (a Wednesday): two holidays on one date
        assertThat(LabourCodeHolidays.of(1947))
                .filteredOn(day -> day.date().isAfter(date("1947-04-29")) && day.date().isBefore(date("1947-05-05")))
                .extracting(SpecialDay::date, SpecialDay::kind)
                .containsExactly(
                        tuple(date("1947-04-30"), DayKind.PUBLIC_HOLIDAY),
                        tuple(date("1947-05-01"), DayKind.PUBLIC_HOLIDAY),
                        tuple(date("1947-05-02"), DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void everyYearHasElevenHolidaysAndNoCompensatoryDayOnAWeekendOrHoliday() {
        for (int y = 1900; y <= 2100; y++) {
            int year = y;
            List<SpecialDay> days = LabourCodeHolidays.of(year);
            assertThat(days).as("holidays of %d", year).filteredOn(day -> day.kind() == DayKind.PUBLIC_HOLIDAY)
                    .hasSizeBetween(10, 11); // 10 only when two holidays share a date
            assertThat(days).extracting(SpecialDay::date).doesNotHaveDuplicates()
                    .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(year));
            assertThat(days).filteredOn(day -> day.kind() == DayKind.COMPENSATORY_DAY_OFF)
                    .allSatisfy(day -> assertThat(WorkingWeek.isWeekend(day.date())).isFalse());
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
