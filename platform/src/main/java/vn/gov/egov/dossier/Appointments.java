package vn.gov.egov.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.procedure.ProcessingTime;

/** Every due date of reception, from the one working-day calendar. */
@Component
class Appointments {

    /** When a dossier is due, and the date printed on the receipt. */
    record Due(Instant at, LocalDate date) {
    }

    private final WorkingCalendar calendar;
    private final double receptionWorkingDays;

    Appointments(WorkingCalendar calendar, @Value("${egov.dossier.reception-time:1}") double receptionWorkingDays) {
        if (receptionWorkingDays <= 0 || receptionWorkingDays > 30) {
            throw new IllegalArgumentException("egov.dossier.reception-time phải từ trên 0 đến 30 ngày làm việc, đang là " + receptionWorkingDays);
        }
        this.calendar = calendar;
        this.receptionWorkingDays = receptionWorkingDays;
    }

    /** The time the desk has to act on a dossier that arrived (or came back) at {@code arrivedAt}. */
    Instant receptionDue(Instant arrivedAt) {
        Duration time = Duration.ofSeconds(Math.round(calendar.workingDayLength().toSeconds() * receptionWorkingDays));
        return calendar.addWorkingTime(arrivedAt, time).toInstant();
    }

    /**
     * The appointment for a dossier received at {@code receivedAt}: the processing time counted in office time from the
     * reception, so a dossier received on the afternoon of a working day is due on the afternoon of the last day;
     * settled the same day: by the end of the day's office hours (the next working day's if received outside them).
     */
    Due due(ProcessingTime time, Instant receivedAt) {
        Instant at = switch (time.unit()) {
            case WORKING_DAYS -> time.value() == 0 ? endOfOfficeDay(receivedAt)
                    : calendar.addWorkingTime(receivedAt, calendar.workingDayLength().multipliedBy(time.value())).toInstant();
            case WORKING_HOURS -> calendar.addWorkingTime(receivedAt, Duration.ofHours(time.value())).toInstant();
            case SAME_DAY -> endOfOfficeDay(receivedAt);
        };
        return new Due(at, at.atZone(WorkingCalendar.ZONE).toLocalDate());
    }

    private Instant endOfOfficeDay(Instant receivedAt) {
        // the first office moment from the reception decides the day; its office hours end after one working day's time
        LocalDate day = calendar.addWorkingTime(receivedAt, Duration.ZERO).toLocalDate();
        Instant startOfDay = day.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return calendar.addWorkingTime(startOfDay, calendar.workingDayLength()).toInstant();
    }
}
