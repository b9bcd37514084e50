package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CalendarYearsTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final List<Announcement> stored = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final CalendarYears years = new CalendarYears(year -> {
        loads.incrementAndGet();
        return List.copyOf(stored);
    }, Duration.ofMinutes(5), clock);

    @Test
    void aYearIsComputedOnceWhileFresh() {
        years.of(2026);
        years.of(2026);
        clock.advance(Duration.ofMinutes(4));
        years.of(2026);

        assertThat(loads).hasValue(1);
    }

    @Test
    void aYearIsReadAgainAfterItExpiresSoThatOtherNodesEditsAreSeen() {
        years.of(2026);
        stored.add(saturdayWorked());
        clock.advance(Duration.ofMinutes(5));

        assertThat(years.of(2026).isWorkingDay(LocalDate.parse("2026-02-07"))).isTrue();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeOnThisNodeEvictsItsYearAtOnce() {
        assertThat(years.of(2026).isWorkingDay(LocalDate.parse("2026-02-07"))).isFalse();
        stored.add(saturdayWorked());

        years.on(new WorkingCalendarChanged(2026, LocalDate.parse("2026-02-07"), WorkingCalendarChanged.Change.ANNOUNCED,
                "tester", clock.instant()));

        assertThat(years.of(2026).isWorkingDay(LocalDate.parse("2026-02-07"))).isTrue();
    }

    private static Announcement saturdayWorked() {
        return new Announcement(1, LocalDate.parse("2026-02-07"), AnnouncementKind.WORKING_DAY, "Làm bù",
                "Thông báo 1/TB-TEST", "tester", Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
