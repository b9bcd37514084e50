package vn.gov.egov.route;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;

/**
 * Demonstration profile: the decision table {@code co-quan-quyet-dinh} and two published routes marked as
 * demonstration: a single-agency route of a provincial department (1.000021, work permits, Department of Home
 * Affairs) and an inter-agency route of a commune-level procedure with a fee (1.000009, construction permit for a
 * private house) where the decision names the deciding agency by the applicant's commune.
 */
@Component
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
@Order(60) // after the demonstration procedures (order 50)
class DemonstrationRoutes implements ApplicationRunner {

    static final String SINGLE_AGENCY_PROCEDURE = "1.000021";
    static final String INTER_AGENCY_PROCEDURE = "1.000009";
    private static final Logger LOG = LoggerFactory.getLogger(DemonstrationRoutes.class);

    private final ManagingDecisions decisions;
    private final PublishingRoutes publishing;
    private final RouteTemplates templates;
    private final RouteStore store;
    private final Procedures procedures;

    DemonstrationRoutes(ManagingDecisions decisions, PublishingRoutes publishing, RouteTemplates templates, RouteStore store,
                        Procedures procedures) {
        this.decisions = decisions;
        this.publishing = publishing;
        this.templates = templates;
        this.store = store;
        this.procedures = procedures;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (decisions.latest(RouteTemplates.DECIDING_AGENCY_DECISION).isEmpty()) {
            try (InputStream in = new ClassPathResource("route/demo/" + RouteTemplates.DECIDING_AGENCY_DECISION + ".dmn").getInputStream()) {
                decisions.upload(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, PublishingRoutes.SYSTEM);
            }
        }
        procedure(SINGLE_AGENCY_PROCEDURE).ifPresent(p -> publish(templates.singleAgency(p, null), "(trình diễn) "));
        procedure(INTER_AGENCY_PROCEDURE).ifPresent(p -> publish(templates.interAgency(p, null, null), "(trình diễn) "));
    }

    private java.util.Optional<Procedure> procedure(String code) {
        return procedures.find(code, PublishingRoutes.today());
    }

    private void publish(RouteForm template, String prefix) {
        if (store.route(template.procedureCode(), template.agencyCode()).isPresent()) {
            return;
        }
        String name = prefix + template.name();
        RouteForm form = new RouteForm(template.procedureCode(), template.agencyCode(), name.length() > 300 ? name.substring(0, 300) : name,
                template.decisionKey(), template.steps());
        try {
            RouteStore.Version draft = publishing.saveGenerated(form, PublishingRoutes.SYSTEM, true);
            publishing.publish(draft.id(), PublishingRoutes.SYSTEM);
            LOG.info("Demonstration route of {} published", form.procedureCode());
        } catch (RouteRefused refused) {
            LOG.warn("Demonstration route of {} refused: {}", form.procedureCode(), refused.getMessage());
        }
    }
}
