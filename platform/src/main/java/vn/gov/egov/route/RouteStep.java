package vn.gov.egov.route;

import java.time.Duration;
import vn.gov.egov.identity.Role;

/**
 * One step of a route: a user task of its BPMN.
 *
 * @param activityId  the user task's id in the BPMN
 * @param unit        an agency code, {@code agency/division}, or an expression such as {@code ${decidingAgency}}
 * @param workingTime office time on working days the step is given (a working day is the calendar's day length)
 * @param workingDays the same as written in the route: {@code true} when given in days ({@code 2d}), else hours
 */
public record RouteStep(String activityId, String name, StepKind kind, Role role, String unit, Duration workingTime,
                        boolean workingDays) {
}
