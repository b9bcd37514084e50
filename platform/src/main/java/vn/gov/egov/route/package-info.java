/**
 * Internal processes of procedures (quy trình nội bộ): each procedure's route of steps — a role in a unit with a
 * working time — built in a form that generates BPMN 2.0 or uploaded as BPMN, checked, previewed as a timeline,
 * versioned and deployed to the process engine; and the DMN decision tables for what varies by dossier data (which
 * agency decides, by area or amount). Processing reads published routes through {@link vn.gov.egov.route.Routes}.
 * <p>
 * BPMN conventions every route follows (generated or uploaded), namespace {@value vn.gov.egov.route.Routes#NAMESPACE}:
 * <ul>
 * <li>each user task is one step: {@code flowable:candidateGroups="ROLE@UNIT"} with a {@link vn.gov.egov.identity.Role}
 * name and a unit that is an agency code, {@code agency/division}, or an expression over process variables
 * ({@code ${receivingAgency}}, {@code ${decidingAgency}} set by a decision);</li>
 * <li>{@code egov:workingTime} on each user task: its time as {@code 2d} (working days) or {@code 4h} (working hours);</li>
 * <li>{@code egov:kind} on each user task: a {@link vn.gov.egov.route.StepKind};</li>
 * <li>a decision is a service task {@code flowable:delegateExpression="${routeDecisions}"} with the attribute
 * {@code egov:decision="<decision key>"}: it evaluates the DMN table and sets its outputs as process variables.</li>
 * </ul>
 * Checked on every save and publication (a refused BPMN stores nothing): one process, one plain start event, at least
 * one end event, every element reachable from the start and able to reach an end; only user tasks, the decision task,
 * exclusive and parallel gateways; no listeners, scripts, multi-instance, asynchronous elements or expressions other
 * than the candidate group's unit, and conditions that only compare process variables; the role one of the five
 * processing roles; the unit an agency of today's catalog (a division after '/' must be one of its units) or
 * {@code ${receivingAgency}}, {@code ${applicantCommune}} or an output of a decision of the route; the main path (the
 * longest, rework loops left out) at most the procedure's processing time. A decision that matches no rule throws
 * {@link vn.gov.egov.route.RouteDecisionFailed} out of the engine: the process does not start.
 * Variables processing sets at start: {@code dossierId}, {@code dossierCode}, {@code procedureCode},
 * {@code receivingAgency}, {@code channel}, {@code applicantCommune} (when known) and {@code form} (the filled form as
 * a JSON string, read by decisions through input expressions such as {@code form.dienTich}). {@code form} is a transient
 * variable (it holds personal data, never stored by the engine): only a decision that runs while the process starts —
 * before its first user task — can read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure routes (BPMN, DMN)")
package vn.gov.egov.route;
