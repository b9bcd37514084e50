package vn.gov.egov.route;

import java.util.List;

/** A route, BPMN or decision table that breaks the rules: nothing was stored. */
class RouteRefused extends RuntimeException {

    private final transient List<RouteProblem> problems;

    RouteRefused(List<RouteProblem> problems) {
        super(String.join("; ", problems.stream().map(RouteProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    RouteRefused(String element, String rule, String message) {
        this(List.of(new RouteProblem(element, rule, message)));
    }

    List<RouteProblem> problems() {
        return problems;
    }
}
