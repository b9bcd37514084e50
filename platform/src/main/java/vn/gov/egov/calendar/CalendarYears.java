package vn.gov.egov.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Computed years kept in memory: every due date asks the calendar, and a year changes a few times a year.
 * <p>
 * Freshness: on this node an edit evicts its year as soon as its transaction commits; another node notices the
 * edit when its copy expires ({@code egov.calendar.cache-time-to-live}, 5 minutes by default). A year is loaded
 * inside {@link ConcurrentHashMap#compute}, so an eviction waits for a load in progress instead of being overtaken
 * by a copy read before the edit.
 */
@Component
class CalendarYears {

    private record Cached(CalendarYear year, Instant loadedAt) {
    }

    private final IntFunction<List<Announcement>> announcementsOfYear;
    private final Duration timeToLive;
    private final Clock clock;
    private final ConcurrentMap<Integer, Cached> years = new ConcurrentHashMap<>();

    @Autowired
    CalendarYears(AnnouncementRepository announcements, CalendarProperties properties) {
        this(announcements::current, properties.cacheTimeToLive(), Clock.systemUTC());
    }

    CalendarYears(IntFunction<List<Announcement>> announcementsOfYear, Duration timeToLive, Clock clock) {
        this.announcementsOfYear = announcementsOfYear;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    CalendarYear of(int year) {
        checkYear(year);
        Instant now = clock.instant();
        Cached cached = years.get(year);
        if (isFresh(cached, now)) {
            return cached.year();
        }
        return years.compute(year, (key, current) -> isFresh(current, now)
                ? current
                : new Cached(CalendarYear.of(year, announcementsOfYear.apply(year)), now)).year();
    }

    private boolean isFresh(Cached cached, Instant now) {
        return cached != null && now.isBefore(cached.loadedAt().plus(timeToLive));
    }

    @TransactionalEventListener
    void on(WorkingCalendarChanged change) {
        years.remove(change.year());
    }

    static void checkYear(int year) {
        if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
            throw new IllegalArgumentException("Năm " + year + " ngoài phạm vi của lịch ngày làm việc ("
                    + WorkingCalendar.FIRST_YEAR + "–" + WorkingCalendar.LAST_YEAR + ")");
        }
    }
}
