package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar's counting, with the default office hours 07:30–11:30 and 13:00–17:00. */
class WorkingCalendarTest {

    private final List<Announcement> announcements = new ArrayList<>();
    private final WorkingCalendar calendar = new DefaultWorkingCalendar(
            new CalendarYears(year -> announcements.stream().filter(a -> a.date().getYear() == year).toList(),
                    Duration.ZERO, Clock.systemUTC()),
            OfficeHours.parse("07:30-11:30,13:00-17:00"));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(date("2026-03-13"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(date("2026-03-14"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-15"))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-02-17"))).as("Tết").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-04-27"))).as("compensatory day for Hùng Kings").isFalse();
    }

    @Test
    void aDayTellsWhyItIsOff() {
        CalendarDay tet = calendar.day(date("2026-02-17"));

        assertThat(tet.workingDay()).isFalse();
        assertThat(tet.specialDay().kind()).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(tet.specialDay().name()).isEqualTo("Tết Nguyên đán (mùng 1)");
        assertThat(tet.lunarDate()).isEqualTo(new LunarDate(2026, 1, 1, false));
        assertThat(calendar.day(date("2026-03-14"))).satisfies(saturday -> {
            assertThat(saturday.workingDay()).isFalse();
            assertThat(saturday.weekend()).isTrue();
            assertThat(saturday.special()).isEmpty();
        });
    }

    @Test
    void addingWorkingDaysAcrossTetSkipsTheHoliday() {
        // Friday 13 February 2026, then the weekend, Tết 16–20 February, and the weekend again
        assertThat(calendar.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-23"));
        assertThat(calendar.addWorkingDays(date("2026-02-12"), 3)).isEqualTo(date("2026-02-24"));
    }

    @Test
    void addingWorkingDaysAcrossThirtyAprilAndFirstMaySkipsBothAndTheWeekend() {
        assertThat(calendar.addWorkingDays(date("2026-04-29"), 1)).isEqualTo(date("2026-05-04"));
    }

    @Test
    void addingWorkingDaysAcrossNationalDaySkipsTheAdjacentDayToo() {
        assertThat(calendar.addWorkingDays(date("2026-08-31"), 1)).isEqualTo(date("2026-09-03"));
        // 2023: Friday 1 September, Saturday 2 September compensated on Monday 4 September
        assertThat(calendar.addWorkingDays(date("2023-08-31"), 1)).isEqualTo(date("2023-09-05"));
    }

    @Test
    void addingFifteenWorkingDaysIsThreeWeeksWithoutHolidays() {
        assertThat(calendar.addWorkingDays(date("2026-03-02"), 15)).isEqualTo(date("2026-03-23"));
    }

    @Test
    void addingZeroWorkingDaysGivesTheDayItselfOrTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(date("2026-03-10"), 0)).isEqualTo(date("2026-03-10"));
        assertThat(calendar.addWorkingDays(date("2026-02-17"), 0)).isEqualTo(date("2026-02-23"));
    }

    @Test
    void negativeOrAbsurdCountsAndYearsOutsideTheCalendarAreRejected() {
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-03-10"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-03-10"), 3651)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(date("2101-01-03"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1900–2100");
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2100-12-20"), 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddingThem() {
        LocalDate from = date("2026-01-27");
        for (int days = 0; days <= 300; days += 7) {
            LocalDate due = calendar.addWorkingDays(from, days);
            assertThat(calendar.workingDaysBetween(from, due)).as("%d working days after %s", days, from).isEqualTo(days);
        }
        assertThat(calendar.workingDaysBetween(date("2026-02-23"), date("2026-02-13"))).isEqualTo(-1);
    }

    @Test
    void anAnnouncedMakeUpSaturdayCountsAsAWorkingDay() {
        announce(date("2026-02-07"), AnnouncementKind.WORKING_DAY); // a Saturday

        assertThat(calendar.isWorkingDay(date("2026-02-07"))).isTrue();
        assertThat(calendar.addWorkingDays(date("2026-02-06"), 1)).isEqualTo(date("2026-02-07"));
        assertThat(calendar.makeUpWorkingDays(2026)).extracting(SpecialDay::date).containsExactly(date("2026-02-07"));
    }

    @Test
    void anAnnouncedDayOffMovesTheDueDate() {
        announce(date("2026-02-13"), AnnouncementKind.DAY_OFF);

        assertThat(calendar.addWorkingDays(date("2026-02-12"), 1)).isEqualTo(date("2026-02-23"));
        assertThat(calendar.daysOff(2026)).filteredOn(day -> day.kind() == DayKind.ANNOUNCED_DAY_OFF)
                .extracting(SpecialDay::date, SpecialDay::decisionNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(date("2026-02-13"), "Thông báo 1/TB-TEST"));
    }

    @Test
    void anAnnouncedWorkingDayOverridesEvenAHoliday() {
        announce(date("2026-04-27"), AnnouncementKind.WORKING_DAY); // the rules' compensatory day for Hùng Kings

        assertThat(calendar.isWorkingDay(date("2026-04-27"))).isTrue();
        assertThat(calendar.day(date("2026-04-27")).specialDay().kind()).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
    }

    @Test
    void workingHoursCrossingLunchResumeAfterTheBreak() {
        assertThat(calendar.addWorkingHours(at("2026-03-10T10:30"), 2)).isEqualTo(zoned("2026-03-10T14:00"));
    }

    @Test
    void workingHoursCrossingTheNightResumeNextMorning() {
        assertThat(calendar.addWorkingHours(at("2026-03-10T16:00"), 2)).isEqualTo(zoned("2026-03-11T08:30"));
    }

    @Test
    void workingHoursCrossingTheWeekendResumeOnMonday() {
        assertThat(calendar.addWorkingHours(at("2026-03-13T16:00"), 2)).isEqualTo(zoned("2026-03-16T08:30"));
        assertThat(calendar.addWorkingHours(at("2026-03-14T10:00"), 1)).as("from a Saturday").isEqualTo(zoned("2026-03-16T08:30"));
    }

    @Test
    void workingHoursCrossingTetResumeAfterTheHoliday() {
        assertThat(calendar.addWorkingHours(at("2026-02-13T15:00"), 4)).isEqualTo(zoned("2026-02-23T09:30"));
    }

    @Test
    void workingHoursEndingWithAPeriodStayAtItsEnd() {
        assertThat(calendar.addWorkingHours(at("2026-03-10T07:30"), 4)).isEqualTo(zoned("2026-03-10T11:30"));
        assertThat(calendar.addWorkingHours(at("2026-03-10T07:30"), 8)).isEqualTo(zoned("2026-03-10T17:00"));
        assertThat(calendar.addWorkingHours(at("2026-03-10T12:00"), 0)).as("zero at lunch").isEqualTo(zoned("2026-03-10T13:00"));
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHoursOnWorkingDays() {
        assertThat(calendar.workingTimeBetween(at("2026-03-09T07:30"), at("2026-03-10T07:30")))
                .isEqualTo(new WorkingTime(Duration.ofHours(8), new BigDecimal("1.00")));
        assertThat(calendar.workingTimeBetween(at("2026-03-13T16:00"), at("2026-03-16T08:30")))
                .isEqualTo(new WorkingTime(Duration.ofHours(2), new BigDecimal("0.25")));
        assertThat(calendar.workingTimeBetween(at("2026-03-10T11:00"), at("2026-03-10T13:30")).minutes())
                .as("lunch is not counted").isEqualTo(60);
        assertThat(calendar.workingTimeBetween(at("2026-02-13T07:30"), at("2026-02-23T07:30")).workingDays())
                .as("Tết is not counted").isEqualByComparingTo("1");
    }

    @Test
    void workingTimeBetweenIsNegativeWhenTheEndIsBeforeTheStart() {
        WorkingTime backwards = calendar.workingTimeBetween(at("2026-03-16T08:30"), at("2026-03-13T16:00"));

        assertThat(backwards.duration()).isEqualTo(Duration.ofHours(-2));
        assertThat(backwards.workingDays()).isEqualByComparingTo("-0.25");
        assertThat(backwards.isNegative()).isTrue();
    }

    @Test
    void workingTimeBetweenIsTheInverseOfAddingIt() {
        Instant from = at("2026-02-11T09:15");
        for (int minutes = 0; minutes <= 60 * 8 * 30; minutes += 97) {
            ZonedDateTime due = calendar.addWorkingTime(from, Duration.ofMinutes(minutes));
            assertThat(calendar.workingTimeBetween(from, due.toInstant()).minutes()).isEqualTo(minutes);
        }
    }

    @Test
    void aWorkingDayLastsEightHoursByDefault() {
        assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofHours(8));
    }

    private void announce(LocalDate date, AnnouncementKind kind) {
        announcements.add(new Announcement(announcements.size() + 1, date, kind, "Lý do thử", "Thông báo 1/TB-TEST",
                "tester", Instant.now(), null, null, null));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant at(String localDateTime) {
        return zoned(localDateTime).toInstant();
    }

    private static ZonedDateTime zoned(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE);
    }
}
