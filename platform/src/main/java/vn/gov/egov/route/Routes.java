package vn.gov.egov.route;

import java.util.Optional;
import java.util.UUID;

/** Published routes, for processing. */
public interface Routes {

    /** The XML namespace of the platform's BPMN extension attributes ({@code egov:workingTime}, {@code egov:kind}…). */
    String NAMESPACE = "https://egov.langson.gov.vn/bpmn";

    /**
     * The route to start for a dossier of {@code procedureCode} received by {@code receivingAgency}: the latest
     * published version for that agency, else for every agency, else the single-agency template generated from the
     * procedure's processing time (published once, as version 1, by the system).
     *
     * @throws IllegalArgumentException when the procedure is unknown
     */
    RouteVersion forDossier(String procedureCode, String receivingAgency);

    Optional<RouteVersion> version(UUID routeVersionId);

    Optional<RouteVersion> byProcessDefinition(String processDefinitionId);
}
