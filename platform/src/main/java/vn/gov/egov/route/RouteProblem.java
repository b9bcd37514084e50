package vn.gov.egov.route;

/**
 * Why a route, a BPMN or a decision table is refused: the element (or field, rule, column) it is about, the rule's
 * name, and a Vietnamese sentence naming both.
 */
record RouteProblem(String element, String rule, String message) {
}
