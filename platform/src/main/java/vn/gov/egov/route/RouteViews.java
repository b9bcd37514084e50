package vn.gov.egov.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of routes, versions and decision tables. */
final class RouteViews {

    private RouteViews() {
    }

    record StepView(String activityId, String name, StepKind kind, String kindName, String role, String roleName, String unit,
                    String workingTime) {

        static StepView of(RouteStep step, Duration dayLength) {
            return new StepView(step.activityId(), step.name(), step.kind(), step.kind().vietnameseName(), step.role().name(),
                    step.role().vietnameseName(), step.unit(), StepTime.format(step.workingTime(), dayLength));
        }
    }

    record VersionView(UUID id, UUID routeId, String procedureCode, String agencyCode, String name, int version, String status,
                       boolean generated, List<StepView> steps, String totalTime, String createdBy, Instant createdAt,
                       String processDefinitionId, String publishedBy, Instant publishedAt, String retiredBy, Instant retiredAt) {

        static VersionView of(RouteStore.Route route, RouteStore.Version v, Duration dayLength) {
            return new VersionView(v.id(), route.id(), route.procedureCode(), route.agencyCode(), route.name(), v.version(),
                    v.status().name(), v.generated(), v.steps().stream().map(s -> StepView.of(s, dayLength)).toList(),
                    StepTime.format(v.totalTime(), dayLength), v.createdBy(), v.createdAt(), v.processDefinitionId(),
                    v.publishedBy(), v.publishedAt(), v.retiredBy(), v.retiredAt());
        }
    }

    record RouteView(UUID id, String procedureCode, String agencyCode, String name, boolean demonstration, String createdBy,
                     Instant createdAt, Integer publishedVersion, List<VersionView> versions) {
    }

    record DecisionView(UUID id, String key, int version, String name, List<String> outputs, boolean published,
                        boolean demonstration, String createdBy, Instant createdAt) {

        static DecisionView of(DecisionStore.Decision d) {
            return new DecisionView(d.id(), d.key(), d.version(), d.name(), d.outputs(), d.published(), d.demonstration(),
                    d.createdBy(), d.createdAt());
        }
    }

    /** A form checked without storing anything: its steps on the calendar and the BPMN it generates. */
    record Preview(RouteTimeline.Timeline timeline, String bpmn) {
    }
}
