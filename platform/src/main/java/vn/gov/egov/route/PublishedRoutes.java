package vn.gov.egov.route;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.procedure.Procedure;

/**
 * {@link Routes} for processing: published versions, and the single-agency template that the system publishes once
 * for a procedure that has none. The first call on any node takes the procedure's lock, so concurrent callers wait
 * and then find the version the first one published.
 */
@Service
class PublishedRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedRoutes.class);

    private final RouteStore store;
    private final PublishingRoutes publishing;
    private final RouteTemplates templates;
    private final TransactionTemplate ownTransaction;

    PublishedRoutes(RouteStore store, PublishingRoutes publishing, RouteTemplates templates, PlatformTransactionManager transactions) {
        this.store = store;
        this.publishing = publishing;
        this.templates = templates;
        this.ownTransaction = new TransactionTemplate(transactions);
        // the system's template is published for everyone, whatever becomes of the caller's transaction
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RouteVersion forDossier(String procedureCode, String receivingAgency) {
        Procedure procedure;
        try {
            procedure = publishing.procedure(procedureCode);
        } catch (RouteRefused unknown) {
            throw new IllegalArgumentException(unknown.getMessage(), unknown);
        }
        String agency = receivingAgency == null || receivingAgency.isBlank() ? null : receivingAgency.strip();
        return published(procedure.code(), agency).orElseGet(() -> ownTransaction.execute(status -> {
            store.lockProcedure(procedure.code());
            return published(procedure.code(), agency).orElseGet(() -> publishTemplate(procedure));
        }));
    }

    private RouteVersion publishTemplate(Procedure procedure) {
        RouteForm form = templates.singleAgency(procedure, null);
        RouteStore.Route route = publishing.routeFor(procedure.code(), null, form.name(), false, PublishingRoutes.SYSTEM);
        RouteStore.Version draft = publishing.saveGenerated(form, PublishingRoutes.SYSTEM);
        RouteStore.Version version = publishing.publish(draft.id(), PublishingRoutes.SYSTEM);
        LOG.info("Procedure {} had no published route: the single-agency template was published as version {}",
                procedure.code(), version.version());
        return routeVersion(route, version);
    }

    private Optional<RouteVersion> published(String procedureCode, String agency) {
        Optional<RouteVersion> forAgency = agency == null ? Optional.empty() : latest(procedureCode, agency);
        return forAgency.or(() -> latest(procedureCode, null));
    }

    private Optional<RouteVersion> latest(String procedureCode, String agency) {
        return store.route(procedureCode, agency).flatMap(route -> store.latestPublished(route.id()).map(v -> routeVersion(route, v)));
    }

    @Override
    public Optional<RouteVersion> version(UUID routeVersionId) {
        return store.version(routeVersionId).flatMap(this::deployed);
    }

    @Override
    public Optional<RouteVersion> byProcessDefinition(String processDefinitionId) {
        return store.byProcessDefinition(processDefinitionId).flatMap(this::deployed);
    }

    private Optional<RouteVersion> deployed(RouteStore.Version version) {
        if (version.status() == RouteStore.Status.DRAFT) {
            return Optional.empty();
        }
        return store.route(version.routeId()).map(route -> routeVersion(route, version));
    }

    static RouteVersion routeVersion(RouteStore.Route route, RouteStore.Version v) {
        return new RouteVersion(v.id(), route.id(), route.procedureCode(), route.agencyCode(), route.name(), v.version(),
                v.processDefinitionId(), v.steps(), v.totalTime(), v.generated(), v.publishedAt(), v.publishedBy());
    }
}
