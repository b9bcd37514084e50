package vn.gov.egov.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator records the Government's announced days off and make-up working days, revises or withdraws
 * them. Nothing is overwritten: revising or withdrawing ends the current row with who and when. Each change
 * publishes {@link WorkingCalendarChanged}.
 */
@Service
class RecordingAnnouncements {

    private final AnnouncementRepository announcements;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RecordingAnnouncements(AnnouncementRepository announcements, ApplicationEventPublisher events) {
        this.announcements = announcements;
        this.events = events;
    }

    @Transactional
    Announcement announce(AnnouncementDraft draft, String administrator) {
        AnnouncementRules.Checked announcement = AnnouncementRules.check(draft);
        announcements.current(announcement.date()).ifPresent(existing -> {
            throw alreadyAnnounced(existing.date());
        });
        Announcement recorded = insert(announcement, administrator, clock.instant());
        publish(recorded.date(), WorkingCalendarChanged.Change.ANNOUNCED, administrator, recorded.recordedAt());
        return recorded;
    }

    @Transactional
    Announcement revise(LocalDate date, AnnouncementDraft draft, String administrator) {
        AnnouncementRules.Checked announcement = AnnouncementRules.check(
                new AnnouncementDraft(date.toString(), draft.kind(), draft.reason(), draft.decisionNumber()));
        Instant now = clock.instant();
        if (!announcements.end(date, Announcement.Ending.REVISED, administrator, now)) {
            throw notAnnounced(date);
        }
        Announcement recorded = insert(announcement, administrator, now);
        publish(date, WorkingCalendarChanged.Change.REVISED, administrator, now);
        return recorded;
    }

    @Transactional
    void withdraw(LocalDate date, String administrator) {
        Instant now = clock.instant();
        if (!announcements.end(date, Announcement.Ending.WITHDRAWN, administrator, now)) {
            throw notAnnounced(date);
        }
        publish(date, WorkingCalendarChanged.Change.WITHDRAWN, administrator, now);
    }

    List<Announcement> current(int year) {
        CalendarYears.checkYear(year);
        return announcements.current(year);
    }

    List<Announcement> history(int year) {
        CalendarYears.checkYear(year);
        return announcements.history(year);
    }

    private Announcement insert(AnnouncementRules.Checked announcement, String administrator, Instant at) {
        try {
            return announcements.insert(announcement.date(), announcement.kind(), announcement.reason(),
                    announcement.decisionNumber(), administrator, at);
        } catch (DuplicateKeyException e) {
            // another administrator announced the same date at the same moment
            throw alreadyAnnounced(announcement.date());
        }
    }

    private void publish(LocalDate date, WorkingCalendarChanged.Change change, String administrator, Instant at) {
        events.publishEvent(new WorkingCalendarChanged(date.getYear(), date, change, administrator, at));
    }

    private static AnnouncementRejected alreadyAnnounced(LocalDate date) {
        return new AnnouncementRejected(AnnouncementRejected.Why.ALREADY_ANNOUNCED,
                List.of(new Violation("date", "already-announced", date)));
    }

    private static AnnouncementRejected notAnnounced(LocalDate date) {
        return new AnnouncementRejected(AnnouncementRejected.Why.NOT_ANNOUNCED,
                List.of(new Violation("date", "not-announced", date)));
    }
}
