package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarDateTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
            "1985, 1985-01-21", // the Chinese calendar has 1985-02-20
            "2007, 2007-02-17", // the Chinese calendar has 2007-02-18
            "2026, 2026-02-17",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2023, 2023-01-22",
            "2000, 2000-02-05",
            "1968, 1968-01-29"}) // the North had just moved to UTC+7 and celebrated a day before the South
    void tetIsComputedForVietnamsTimeZone(int year, LocalDate tet) {
        assertThat(LunarDate.newYear(year)).isEqualTo(tet);
        assertThat(LunarDate.fromSolar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
        assertThat(LunarDate.fromSolar(tet.minusDays(1))).satisfies(eve -> {
            assertThat(eve.year()).isEqualTo(year - 1);
            assertThat(eve.month()).isEqualTo(12);
            assertThat(eve.day()).isIn(29, 30);
        });
    }

    @Test
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth() {
        assertThat(new LunarDate(2024, 3, 10, false).toSolar()).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(new LunarDate(2025, 3, 10, false).toSolar()).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(new LunarDate(2026, 3, 10, false).toSolar()).isEqualTo(LocalDate.of(2026, 4, 26));
    }

    @Test
    void year2023RepeatsTheSecondMonthAsALeapMonth() {
        LunarDate leapStart = new LunarDate(2023, 2, 1, true);

        assertThat(new LunarDate(2023, 2, 1, false).toSolar()).isEqualTo(LocalDate.of(2023, 2, 20));
        assertThat(leapStart.toSolar()).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(new LunarDate(2023, 3, 1, false).toSolar()).isEqualTo(LocalDate.of(2023, 4, 20));
        assertThat(LunarDate.fromSolar(LocalDate.of(2023, 3, 22))).isEqualTo(leapStart);
        assertThat(leapStart.toString()).isEqualTo("1/2 nhuận/2023");
    }

    @Test
    void everyDayOfALeapYearRoundTrips() {
        LocalDate first = LunarDate.newYear(2020); // 2020 repeats the 4th month
        LocalDate last = LunarDate.newYear(2021).minusDays(1);
        int leapDays = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LunarDate lunar = LunarDate.fromSolar(day);
            assertThat(lunar.toSolar()).as("round trip of %s via %s", day, lunar).isEqualTo(day);
            if (lunar.leapMonth()) {
                assertThat(lunar.month()).isEqualTo(4);
                leapDays++;
            }
        }
        assertThat(leapDays).isBetween(29, 30);
        assertThat(first.until(last).toTotalMonths()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void lunarDaysAndMonthsFollowEachOtherAcrossTwoHundredYears() {
        LunarDate previous = LunarDate.fromSolar(LocalDate.of(1900, 1, 1));
        int leapMonths = 0;
        for (LocalDate day = LocalDate.of(1900, 1, 2); day.getYear() <= 2100; day = day.plusDays(1)) {
            LunarDate lunar = LunarDate.fromSolar(day);
            assertThat(lunar.toSolar()).as("round trip of %s", day).isEqualTo(day);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("month before %s", lunar).isIn(29, 30);
                assertThat(previous.monthLength()).isEqualTo(previous.day());
                boolean repeatedAsLeap = lunar.leapMonth() && !previous.leapMonth() && lunar.month() == previous.month();
                boolean nextMonth = !lunar.leapMonth() && lunar.month() == previous.month() % 12 + 1;
                assertThat(repeatedAsLeap || nextMonth).as("%s after %s", lunar, previous).isTrue();
                assertThat(lunar.year()).isEqualTo(nextMonth && lunar.month() == 1 ? previous.year() + 1 : previous.year());
                leapMonths += repeatedAsLeap ? 1 : 0;
            } else {
                assertThat(lunar.day()).as("day after %s", previous).isEqualTo(previous.day() + 1);
            }
            previous = lunar;
        }
        assertThat(leapMonths).as("7 leap months every 19 years").isBetween(73, 75);
    }

    @Test
    void aMonthThatIsNotTheLeapMonthCannotBeMarkedLeap() {
        assertThatThrownBy(() -> new LunarDate(2024, 2, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("không có tháng 2 nhuận");
    }

    @Test
    void aTwentyNineDayMonthHasNoThirtieth() {
        LunarDate eve = LunarDate.fromSolar(LunarDate.newYear(2026).minusDays(1));
        assertThat(eve.day()).isEqualTo(29);

        assertThatThrownBy(() -> new LunarDate(2025, 12, 30, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesOutsideNineteenHundredToTwentyOneHundredAreRejected() {
        assertThatThrownBy(() -> LunarDate.fromSolar(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1900–2100");
        assertThatThrownBy(() -> LunarDate.fromSolar(LocalDate.of(2101, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1900–2100");
    }

    @Test
    void yearsAreNamedInTheSexagenaryCycle() {
        assertThat(new LunarDate(2026, 1, 1, false).yearName()).isEqualTo("Bính Ngọ");
        assertThat(new LunarDate(2025, 1, 1, false).yearName()).isEqualTo("Ất Tỵ");
        assertThat(new LunarDate(1985, 1, 1, false).yearName()).isEqualTo("Ất Sửu");
    }
}
