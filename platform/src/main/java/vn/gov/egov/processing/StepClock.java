package vn.gov.egov.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;

/** Steps' time in office hours: where a step stands against its due time, and the clock that stops for supplements. */
@Component
class StepClock {

    /** Where a step stands; the text says it too, never the colour alone. */
    enum Standing {
        ON_TIME("Trong hạn"), DUE_SOON("Sắp đến hạn"), OVERDUE("Quá hạn"), WAITING("Tạm dừng, chờ bổ sung"), DONE("Đã xử lý");

        private final String vietnameseName;

        Standing(String vietnameseName) {
            this.vietnameseName = vietnameseName;
        }

        String vietnameseName() {
            return vietnameseName;
        }

        String cssClass() {
            return "due-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A step's standing and the office time left (negative: late by). */
    record TimeLeft(Standing standing, long minutes, String text) {
    }

    private final WorkingCalendar calendar;
    private final ProcessingStore store;

    StepClock(WorkingCalendar calendar, ProcessingStore store) {
        this.calendar = calendar;
        this.store = store;
    }

    TimeLeft timeLeft(ProcessingStep step, Instant now) {
        if (!step.open()) {
            return new TimeLeft(Standing.DONE, 0, Standing.DONE.vietnameseName());
        }
        if (step.waiting()) {
            return new TimeLeft(Standing.WAITING, 0, Standing.WAITING.vietnameseName());
        }
        long minutes = calendar.workingTimeBetween(now, step.dueAt()).minutes();
        if (minutes < 0 || now.isAfter(step.dueAt())) {
            return new TimeLeft(Standing.OVERDUE, minutes, minutes == 0 ? "Vừa quá hạn" : "Quá hạn " + span(Math.abs(minutes)));
        }
        Standing standing = minutes <= calendar.workingDayLength().toMinutes() ? Standing.DUE_SOON : Standing.ON_TIME;
        return new TimeLeft(standing, minutes, standing.vietnameseName() + ": còn " + span(minutes));
    }

    /** Office time a step took, less the time its clock stood still. */
    int used(ProcessingStep step, Instant completedAt) {
        long minutes = calendar.workingTimeBetween(step.createdAt(), completedAt).minutes() - step.stoppedMinutes();
        return (int) Math.max(0, minutes);
    }

    /** The applicant completed the dossier: waiting steps restart, due later by the office time they stood still. */
    void resume(UUID dossierId, Instant at) {
        for (ProcessingStep step : store.openSteps(dossierId)) {
            if (step.waitingSince() == null) {
                continue;
            }
            Duration stopped = calendar.workingTimeBetween(step.waitingSince(), at).duration();
            if (stopped.isNegative()) {
                stopped = Duration.ZERO;
            }
            Instant due = calendar.addWorkingTime(step.dueAt(), stopped).toInstant();
            store.stopWaiting(step.id(), due, (int) stopped.toMinutes());
        }
    }

    /** "3 giờ làm việc", "2 ngày 1 giờ làm việc", "45 phút làm việc". */
    String span(long minutes) {
        long day = calendar.workingDayLength().toMinutes();
        long days = minutes / day;
        long hours = (minutes % day) / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" ngày ");
        }
        if (hours > 0) {
            text.append(hours).append(" giờ ");
        }
        if (rest > 0 || text.isEmpty()) {
            text.append(rest).append(" phút ");
        }
        return text.append("làm việc").toString();
    }
}
