package vn.gov.egov.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded announcement for one date, with who recorded it and, once revised or withdrawn, who ended it.
 * Rows are never changed otherwise: the table is the history.
 */
record Announcement(long id, LocalDate date, AnnouncementKind kind, String reason, String decisionNumber,
                    String recordedBy, Instant recordedAt, String endedBy, Instant endedAt, Ending ending) {

    enum Ending {
        REVISED,
        WITHDRAWN
    }

    boolean isCurrent() {
        return endedAt == null;
    }

    SpecialDay asSpecialDay() {
        return switch (kind) {
            case DAY_OFF -> new SpecialDay(date, DayKind.ANNOUNCED_DAY_OFF, reason, "Announced day off", null,
                    SpecialDay.Source.ANNOUNCEMENT, decisionNumber, null);
            case WORKING_DAY -> new SpecialDay(date, DayKind.MAKE_UP_WORKING_DAY, reason, "Make-up working day", null,
                    SpecialDay.Source.ANNOUNCEMENT, decisionNumber, null);
        };
    }
}
