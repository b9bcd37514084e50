package vn.gov.egov.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published, immutable version of a procedure's route, deployed to the process engine. A dossier keeps the version
 * it started with (its process instance is bound to {@link #processDefinitionId()}).
 *
 * @param agencyCode   the receiving agency the route is for, {@code null} for every implementing agency
 * @param steps        the user tasks in their order along the main path
 * @param totalTime    the working time of the main path, at most the procedure's processing time
 * @param generated    built from the form (true) or uploaded as BPMN (false)
 */
public record RouteVersion(UUID id, UUID routeId, String procedureCode, String agencyCode, String name, int version,
                           String processDefinitionId, List<RouteStep> steps, Duration totalTime, boolean generated,
                           Instant publishedAt, String publishedBy) {
}
