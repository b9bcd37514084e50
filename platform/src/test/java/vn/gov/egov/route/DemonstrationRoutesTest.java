package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.procedure.Procedures;

/** The demonstration data (loaded by the demo profile; run by hand here, where the profile is off): idempotent. */
class DemonstrationRoutesTest extends RouteTestSupport {

    @Autowired
    ManagingDecisions decisions;
    @Autowired
    PublishingRoutes publishing;
    @Autowired
    RouteTemplates templates;
    @Autowired
    RouteStore store;
    @Autowired
    Procedures procedures;
    @Autowired
    Routes routes;

    @Test
    void theDemonstrationPublishesTheDecisionTableAndASingleAgencyRouteOnce() throws Exception {
        DemonstrationRoutes demonstration = new DemonstrationRoutes(decisions, publishing, templates, store, procedures);
        demonstration.run(null);
        demonstration.run(null);

        assertThat(decisions.latest("co-quan-quyet-dinh")).isPresent();
        RouteStore.Route route = store.route(DemonstrationRoutes.SINGLE_AGENCY_PROCEDURE, null).orElseThrow();
        assertThat(route.demonstration()).isTrue();
        assertThat(route.name()).startsWith("(trình diễn) ");
        assertThat(store.versions(route.id())).hasSize(1).allSatisfy(v -> assertThat(v.status()).isEqualTo(RouteStore.Status.PUBLISHED));
        RouteVersion forDossier = routes.forDossier(DemonstrationRoutes.SINGLE_AGENCY_PROCEDURE, "SO-NV");
        assertThat(forDossier.routeId()).isEqualTo(route.id());
        // the inter-agency procedure has a published every-agency route (the demonstration's, or the system's
        // template when a dossier came first)
        assertThat(store.route(DemonstrationRoutes.INTER_AGENCY_PROCEDURE, null).flatMap(r -> store.latestPublished(r.id()))).isPresent();
    }
}
