package vn.gov.egov.route;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;

/**
 * Saving routes as drafts (from the form or an uploaded BPMN), publishing them (one Flowable deployment per version)
 * and retiring them. Every save and publication checks the BPMN again; a refused one stores nothing.
 */
@Service
class PublishingRoutes {

    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(PublishingRoutes.class);

    private final RouteStore store;
    private final CheckingBpmn checking;
    private final GeneratingBpmn generating;
    private final Procedures procedures;
    private final RepositoryService repository;
    private final AuditTrail audit;

    PublishingRoutes(RouteStore store, CheckingBpmn checking, GeneratingBpmn generating, Procedures procedures,
                     RepositoryService repository, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.checking = checking;
        this.generating = generating;
        this.procedures = procedures;
        this.repository = repository;
    }

    static LocalDate today() {
        return LocalDate.now(WorkingCalendar.ZONE);
    }

    Procedure procedure(String code) {
        if (code == null || code.isBlank()) {
            throw new RouteRefused("procedureCode", "required", "Chưa chọn thủ tục hành chính");
        }
        return procedures.find(code.strip(), today()).orElseThrow(() -> new RouteRefused("procedureCode", "unknown-procedure",
                "Không có thủ tục hành chính mã '%s' đang có hiệu lực".formatted(code.strip())));
    }

    /** The BPMN a form generates, checked: what the timeline and the save show. */
    CheckingBpmn.Checked preview(RouteForm form) {
        Procedure procedure = procedure(form.procedureCode());
        checkForm(form);
        return checking.check(generating.bpmn(form), procedure);
    }

    String bpmn(RouteForm form) {
        return generating.bpmn(form);
    }

    @Transactional
    RouteStore.Version saveGenerated(RouteForm form, String by) {
        return saveGenerated(form, by, false);
    }

    /** @param demonstration marks a route created for it as demonstration data */
    @Transactional
    RouteStore.Version saveGenerated(RouteForm form, String by, boolean demonstration) {
        Procedure procedure = procedure(form.procedureCode());
        checkForm(form);
        String xml = generating.bpmn(form);
        CheckingBpmn.Checked checked = checking.check(xml, procedure);
        RouteStore.Route route = routeFor(procedure.code(), form.agencyCode(), form.name().strip(), demonstration, by);
        return audited(AuditActions.CREATE, route, store.addDraft(route.id(), true, xml, form, checked.steps(), checked.totalTime(), by), by);
    }

    @Transactional
    RouteStore.Version saveUploaded(String procedureCode, String agencyCode, String name, String xml, String by) {
        Procedure procedure = procedure(procedureCode);
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        CheckingBpmn.Checked checked = checking.check(xml, procedure);
        String routeName = name != null && !name.isBlank() ? name.strip()
                : checked.processName() != null && !checked.processName().isBlank() ? checked.processName().strip() : procedure.name();
        RouteStore.Route route = routeFor(procedure.code(), agency, truncate(routeName), false, by);
        return audited(AuditActions.CREATE, route, store.addDraft(route.id(), false, xml, null, checked.steps(), checked.totalTime(), by), by);
    }

    /** Deploys a draft to the process engine, after checking it again (the procedure or a decision may have changed). */
    @Transactional
    RouteStore.Version publish(UUID versionId, String by) {
        RouteStore.Version draft = store.version(versionId).orElseThrow(() -> notFound(versionId));
        if (draft.status() != RouteStore.Status.DRAFT) {
            throw new RouteRefused("version", "not-draft", "Phiên bản %d đã ban hành hoặc đã ngừng, không ban hành lại được"
                    .formatted(draft.version()));
        }
        RouteStore.Route route = store.route(draft.routeId()).orElseThrow();
        checking.check(draft.bpmnXml(), procedure(route.procedureCode()));
        Instant now = Instant.now();
        Deployment deployment = repository.createDeployment()
                .name(truncate(route.procedureCode() + " – " + route.name() + " – v" + draft.version()))
                .category(route.id().toString())
                .key(route.id() + ":" + draft.version())
                .addString("route-" + route.id() + "-v" + draft.version() + ".bpmn20.xml", draft.bpmnXml())
                .deploy();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        store.published(versionId, deployment.getId(), definition.getId(), by, now);
        audited(AuditActions.UPDATE, route, store.version(versionId).orElseThrow(), by);
        LOG.info("Route {} v{} of procedure {} published as {} by {}", route.id(), draft.version(), route.procedureCode(),
                definition.getId(), by);
        return store.version(versionId).orElseThrow();
    }

    @Transactional
    void retire(UUID versionId, String by) {
        RouteStore.Version version = store.version(versionId).orElseThrow(() -> notFound(versionId));
        if (!store.retire(versionId, by)) {
            throw new RouteRefused("version", "not-published", "Chỉ ngừng được phiên bản đang ban hành; phiên bản %d đang ở trạng thái %s"
                    .formatted(version.version(), version.status()));
        }
        audited(AuditActions.UPDATE, store.route(version.routeId()).orElseThrow(), store.version(versionId).orElseThrow(), by);
    }

    @Transactional
    void discard(UUID versionId) {
        RouteStore.Version version = store.version(versionId).orElseThrow(() -> notFound(versionId));
        if (!store.deleteDraft(versionId)) {
            throw new RouteRefused("version", "not-draft", "Chỉ xóa được bản nháp; phiên bản %d đang ở trạng thái %s"
                    .formatted(version.version(), version.status()));
        }
    }

    /** The route of a procedure and agency, created when it is the first; taken under the procedure's lock. */
    RouteStore.Route routeFor(String procedureCode, String agencyCode, String name, boolean demonstration, String by) {
        store.lockProcedure(procedureCode);
        return store.route(procedureCode, agencyCode)
                .orElseGet(() -> store.addRoute(procedureCode, agencyCode, name, demonstration, by));
    }

    private static void checkForm(RouteForm form) {
        List<RouteProblem> problems = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            problems.add(new RouteProblem("name", "required", "Chưa nhập tên quy trình"));
        } else if (form.name().strip().length() > 300) {
            problems.add(new RouteProblem("name", "length", "Tên quy trình dài quá 300 ký tự"));
        }
        if (form.steps().isEmpty()) {
            problems.add(new RouteProblem("steps", "required", "Quy trình cần ít nhất một bước"));
        }
        if (form.steps().size() > 50) {
            problems.add(new RouteProblem("steps", "count", "Quy trình có tối đa 50 bước"));
        }
        for (int i = 0; i < form.steps().size(); i++) {
            RouteForm.Step step = form.steps().get(i);
            if (step.name() == null || step.name().isBlank()) {
                problems.add(new RouteProblem("steps[" + i + "].name", "required", "Bước %d chưa có tên".formatted(i + 1)));
            }
        }
        if (form.decisionKey() != null && !form.decisionKey().matches("[A-Za-z][A-Za-z0-9_.-]{0,99}")) {
            problems.add(new RouteProblem("decisionKey", "format", "Mã bảng quyết định '%s' không đúng dạng".formatted(form.decisionKey())));
        }
        if (!problems.isEmpty()) {
            throw new RouteRefused(problems);
        }
    }

    private RouteStore.Version audited(String action, RouteStore.Route route, RouteStore.Version version, String by) {
        audit.record(AuditRecord.builder(action, Outcome.SUCCESS).actor(SYSTEM.equals(by) ? Actor.system() : Actor.user(by))
                .object("route", route.id() + "/v" + version.version()).changed("status", null, version.status().name())
                .detail("procedureCode", route.procedureCode()).detail("agencyCode", route.agencyCode())
                .detail("processDefinitionId", version.processDefinitionId()).fromCurrentRequest().build());
        return version;
    }

    static RouteRefused notFound(UUID versionId) {
        return new RouteRefused("version", "not-found", "Không có phiên bản quy trình " + versionId);
    }

    private static String truncate(String text) {
        return text.length() > 250 ? text.substring(0, 249) + "…" : text;
    }
}
