package vn.gov.egov.route;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.procedure.Procedure;

/**
 * A route's steps on the working-day calendar before it is published: each step's time, the time so far, and the
 * due moments of an example dossier received at {@code from}, against the procedure's legal processing time.
 */
@Component
class RouteTimeline {

    record Line(int number, String activityId, String name, StepKind kind, String kindName, String role, String roleName,
                String unit, String workingTime, String cumulative, ZonedDateTime startsAt, ZonedDateTime dueAt) {
    }

    record Timeline(String procedureCode, String procedureName, ZonedDateTime from, List<Line> lines, String totalTime,
                    String legalTime, ZonedDateTime dueAt, ZonedDateTime legalDueAt, boolean withinLegalTime) {
    }

    private final WorkingCalendar calendar;
    private final CheckingBpmn checking;

    RouteTimeline(WorkingCalendar calendar, CheckingBpmn checking) {
        this.calendar = calendar;
        this.checking = checking;
    }

    /**
     * The main path's steps (the first ones of {@code steps}, adding up to {@code mainPathTime}; steps of other branches
     * follow them and are left out) from the start of office hours of {@code date} (when {@code null}: from now).
     */
    Timeline of(Procedure procedure, List<RouteStep> steps, Duration mainPathTime, LocalDate date) {
        Instant from = date == null ? Instant.now() : date.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Duration dayLength = calendar.workingDayLength();
        // a start outside office hours counts from the next office period: adding nothing gives that moment
        ZonedDateTime at = calendar.addWorkingTime(from, Duration.ZERO);
        ZonedDateTime start = at;
        Duration sum = Duration.ZERO;
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (RouteStep step : steps) {
            if (sum.compareTo(mainPathTime) >= 0 && number > 0) {
                break;
            }
            ZonedDateTime due = calendar.addWorkingTime(at.toInstant(), step.workingTime());
            sum = sum.plus(step.workingTime());
            lines.add(new Line(++number, step.activityId(), step.name(), step.kind(), step.kind().vietnameseName(), step.role().name(),
                    step.role().vietnameseName(), step.unit(), StepTime.format(step.workingTime(), dayLength),
                    StepTime.format(sum, dayLength), at, due));
            at = due;
        }
        Duration legal = checking.legalTime(procedure.processingTime());
        ZonedDateTime legalDue = calendar.addWorkingTime(start.toInstant(), legal);
        return new Timeline(procedure.code(), procedure.name(), start, List.copyOf(lines), StepTime.format(sum, dayLength),
                StepTime.format(legal, dayLength), at, legalDue, sum.compareTo(legal) <= 0);
    }
}
