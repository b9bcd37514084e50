package vn.gov.egov.processing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.route.RouteVersion;
import vn.gov.egov.route.Routes;

/**
 * Follows dossiers as the dossier module moves them: a received dossier starts its route (once, however often the
 * event comes); a supplement request stops the clock of its open steps and completion restarts it with their due
 * times moved by the stopped office time; a returned dossier completes its return step.
 */
@Component
class StartingProcesses {

    static final DossierProgress.Actor SYSTEM = new DossierProgress.Actor("processing", "Hệ thống giải quyết hồ sơ");
    private static final Logger log = LoggerFactory.getLogger(StartingProcesses.class);

    private final Routes routes;
    private final RuntimeService runtime;
    private final DossierProgress progress;
    private final ProcessingStore store;
    private final RecordingSteps recording;
    private final StepClock clock;
    private final WorkingOnTasks work;
    private final List<String> agencies;

    StartingProcesses(Routes routes, RuntimeService runtime, DossierProgress progress, ProcessingStore store, RecordingSteps recording,
                      StepClock clock, WorkingOnTasks work, @Value("${egov.processing.agencies:*}") List<String> agencies) {
        this.routes = routes;
        this.runtime = runtime;
        this.progress = progress;
        this.store = store;
        this.recording = recording;
        this.clock = clock;
        this.work = work;
        this.agencies = agencies.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /**
     * Only the moves below get an event publication for this listener (the outbox row, its claim and its completion);
     * the dossier's other moves do not concern the process.
     */
    @ApplicationModuleListener(condition = "{'RECEIVED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENTED', 'RETURNED'}.contains(#root.args[0].action())")
    void on(DossierStatusChanged event) {
        switch (event.action()) {
            case "RECEIVED" -> start(event);
            case "SUPPLEMENT_REQUESTED" -> {
                if (event.previous() != null && event.previous().inProcessing()) {
                    store.startWaiting(event.dossierId(), event.at());
                }
            }
            case "SUPPLEMENTED" -> {
                if (event.previous() != null && event.previous() == vn.gov.egov.dossier.DossierStatus.AWAITING_SUPPLEMENT) {
                    clock.resume(event.dossierId(), event.at());
                }
            }
            case "RETURNED" -> work.completeReturnSteps(event.dossierId());
            default -> {
                // other moves do not change the process
            }
        }
    }

    /** Whether dossiers received by this agency are processed on the platform ({@code egov.processing.agencies}). */
    boolean processedHere(String receivingAgency) {
        return agencies.isEmpty() || agencies.contains("*") || agencies.contains(receivingAgency);
    }

    void start(DossierStatusChanged event) {
        if (!processedHere(event.receivingAgency())) {
            return;
        }
        DossierDetail detail = progress.detail(event.dossierId()).orElse(null);
        if (detail == null) {
            log.warn("Dossier {} received but unknown to the dossier module: processing not started", event.dossierCode());
            return;
        }
        RouteVersion route = routes.forDossier(event.procedureCode(), event.receivingAgency());
        Instant now = Instant.now();
        if (!store.begin(event.dossierId(), event.dossierCode(), event.procedureCode(), event.procedureName(), event.receivingAgency(),
                route.processDefinitionId(), route.id(), now)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("dossierId", event.dossierId().toString());
        variables.put("dossierCode", event.dossierCode());
        variables.put("procedureCode", event.procedureCode());
        variables.put("receivingAgency", event.receivingAgency());
        variables.put("channel", event.channel() == null ? null : event.channel().name());
        variables.put("applicantCommune", areaOf(detail.form(), event.receivingAgency()));
        variables.put("refusalProposed", false);
        // the filled form holds personal data that is sealed at rest in the dossier module: decisions read it while the
        // process starts (the decision task comes first), and it is never written to the engine's tables
        ProcessInstance instance = runtime.createProcessInstanceBuilder().processDefinitionId(route.processDefinitionId())
                .businessKey(event.dossierCode()).variables(variables)
                .transientVariable("form", detail.form() == null ? "{}" : detail.form().toString()).start();
        store.processInstance(event.dossierId(), instance.getId());
        recording.record(event.dossierId(), instance.getId());
        progress.startProcessing(event.dossierId(), SYSTEM);
        log.info("Processing of dossier {} started on route {} version {}", event.dossierCode(), route.name(), route.version());
    }

    /**
     * The dossier's area for decisions by area: the commune or ward code the form names ({@code diaBan.maXa} or
     * {@code maXa}), else the receiving commune's own code (a commune People's Committee {@code UBND-<code>} receives
     * its area's dossiers), else {@code null}.
     */
    static String areaOf(tools.jackson.databind.JsonNode form, String receivingAgency) {
        if (form != null) {
            tools.jackson.databind.JsonNode named = form.path("diaBan").path("maXa");
            if (named.isString() && !named.asString().isBlank()) {
                return named.asString().strip();
            }
            if (form.path("maXa").isString() && !form.path("maXa").asString().isBlank()) {
                return form.path("maXa").asString().strip();
            }
        }
        if (receivingAgency != null && receivingAgency.matches("UBND-\\d{5}")) {
            return receivingAgency.substring(5);
        }
        return null;
    }
}
