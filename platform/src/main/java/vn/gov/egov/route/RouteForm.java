package vn.gov.egov.route;

import java.util.List;

/**
 * A route as built in the form: the steps in order, each a role in a unit with a working time, optionally after a
 * decision (a DMN key) that sets variables such as {@code decidingAgency}.
 *
 * @param agencyCode  the receiving agency the route is for; {@code null} or blank for every implementing agency
 * @param decisionKey a decision table evaluated first; {@code null} or blank for none
 */
record RouteForm(String procedureCode, String agencyCode, String name, String decisionKey, List<Step> steps) {

    /**
     * @param kind        a {@link StepKind} name
     * @param role        a {@link vn.gov.egov.identity.Role} name
     * @param unit        an agency code, {@code agency/division}, or {@code ${variable}}
     * @param workingTime {@code 2d}, {@code 0.5d} or {@code 4h}
     */
    record Step(String name, String kind, String role, String unit, String workingTime) {
    }

    RouteForm {
        steps = steps == null ? List.of() : List.copyOf(steps);
        agencyCode = blankToNull(agencyCode);
        decisionKey = blankToNull(decisionKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
