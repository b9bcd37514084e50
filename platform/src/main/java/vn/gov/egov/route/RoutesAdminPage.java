package vn.gov.egov.route;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.identity.Role;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.ProcedureQuery;
import vn.gov.egov.procedure.ProcedureSummary;
import vn.gov.egov.procedure.Procedures;

/**
 * The administrators' route pages: the list, the form (from a template, steps added a row at a time, the timeline
 * previewed before saving), uploading BPMN, a version with its timeline and publish/retire, and the decision tables.
 */
@Controller
@RequestMapping("/admin/routes")
class RoutesAdminPage {

    /** One row of the steps table in the form, as typed. */
    record StepRow(String name, String kind, String role, String unit, String workingTime) {

        boolean blank() {
            return isBlank(name) && isBlank(workingTime);
        }
    }

    record Option(String code, String name) {
    }

    /** Moments as the pages write them, in Vietnam's time. */
    static final class Moments {
        private static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(vn.gov.egov.calendar.WorkingCalendar.ZONE);

        public String of(java.time.Instant instant) {
            return instant == null ? "" : FORMAT.format(instant);
        }
    }

    private static final Moments MOMENTS = new Moments();

    private final PublishingRoutes publishing;
    private final ReadingRoutes reading;
    private final RouteTemplates templates;
    private final RouteTimeline timeline;
    private final RouteAccess access;
    private final ManagingDecisions decisions;
    private final Procedures procedures;
    private final MessageSource messages;

    RoutesAdminPage(PublishingRoutes publishing, ReadingRoutes reading, RouteTemplates templates, RouteTimeline timeline,
                    RouteAccess access, ManagingDecisions decisions, Procedures procedures, MessageSource messages) {
        this.publishing = publishing;
        this.reading = reading;
        this.templates = templates;
        this.timeline = timeline;
        this.access = access;
        this.decisions = decisions;
        this.procedures = procedures;
        this.messages = messages;
    }

    @GetMapping
    String index(Authentication user, Model model) {
        model.addAttribute("routes", reading.routes().stream().filter(r -> visible(user, r.procedureCode(), r.agencyCode())).toList());
        model.addAttribute("procedures", procedureOptions(user));
        model.addAttribute("uploadErrors", List.of());
        return "route/index";
    }

    @PostMapping("/upload")
    String upload(@RequestParam(required = false) String procedureCode, @RequestParam(required = false) String agencyCode,
                  @RequestParam(required = false) String name, @RequestParam(required = false) MultipartFile file,
                  Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale)
            throws IOException {
        try {
            Procedure procedure = publishing.procedure(procedureCode);
            access.checkManage(user, procedure, blankToNull(agencyCode));
            if (file == null || file.isEmpty()) {
                throw new RouteRefused("file", "required", "Chưa chọn tệp BPMN");
            }
            if (file.getSize() > RoutesApiController.MAX_XML) {
                throw new RouteRefused("file", "size", "Tệp BPMN lớn quá %d byte".formatted(RoutesApiController.MAX_XML));
            }
            RouteStore.Version draft = publishing.saveUploaded(procedureCode, agencyCode, name,
                    new String(file.getBytes(), StandardCharsets.UTF_8), user.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("route.saved", new Object[] {draft.version()}, locale));
            return "redirect:/admin/routes/versions/" + draft.id();
        } catch (RouteRefused refused) {
            response.setStatus(422);
            model.addAttribute("routes", reading.routes().stream().filter(r -> visible(user, r.procedureCode(), r.agencyCode())).toList());
            model.addAttribute("procedures", procedureOptions(user));
            model.addAttribute("uploadErrors", refused.problems());
            return "route/index";
        }
    }

    @GetMapping("/new")
    String newRoute(@RequestParam(required = false) String procedureCode, @RequestParam(required = false) String agencyCode,
                    @RequestParam(defaultValue = "single") String template, Authentication user, Model model) {
        RouteForm form = new RouteForm(procedureCode, agencyCode, "", null, List.of());
        if (procedureCode != null && !procedureCode.isBlank()) {
            try {
                Procedure procedure = publishing.procedure(procedureCode);
                access.checkManage(user, procedure, blankToNull(agencyCode));
                form = "inter-agency".equals(template) ? templates.interAgency(procedure, blankToNull(agencyCode), null)
                        : templates.singleAgency(procedure, blankToNull(agencyCode));
            } catch (RouteRefused refused) {
                model.addAttribute("problems", refused.problems());
            }
        }
        return formPage(form, rows(form), null, model, user);
    }

    @PostMapping("/new")
    String submit(@RequestParam(required = false) String procedureCode, @RequestParam(required = false) String agencyCode,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String decisionKey,
                  @RequestParam(required = false) List<String> stepName, @RequestParam(required = false) List<String> stepKind,
                  @RequestParam(required = false) List<String> stepRole, @RequestParam(required = false) List<String> stepUnit,
                  @RequestParam(required = false) List<String> stepTime, @RequestParam(defaultValue = "preview") String action,
                  @RequestParam(required = false) String from, Authentication user, Model model, HttpServletResponse response,
                  RedirectAttributes redirect, Locale locale) {
        List<StepRow> rows = new ArrayList<>();
        int count = stepName == null ? 0 : stepName.size();
        for (int i = 0; i < count; i++) {
            rows.add(new StepRow(at(stepName, i), at(stepKind, i), at(stepRole, i), at(stepUnit, i), at(stepTime, i)));
        }
        List<RouteForm.Step> steps = rows.stream().filter(r -> !r.blank())
                .map(r -> new RouteForm.Step(r.name(), r.kind(), r.role(), r.unit(), r.workingTime())).toList();
        RouteForm form = new RouteForm(procedureCode, agencyCode, name, decisionKey, steps);
        if ("add".equals(action)) {
            List<StepRow> more = new ArrayList<>(rows);
            more.add(new StepRow("", StepKind.APPRAISE.name(), Role.SPECIALIST.name(), RouteTemplates.RECEIVING, ""));
            return formPage(form, more, null, model, user);
        }
        try {
            Procedure procedure = publishing.procedure(procedureCode);
            access.checkManage(user, procedure, form.agencyCode());
            if ("save".equals(action)) {
                RouteStore.Version draft = publishing.saveGenerated(form, user.getName());
                redirect.addFlashAttribute("notice", messages.getMessage("route.saved", new Object[] {draft.version()}, locale));
                return "redirect:/admin/routes/versions/" + draft.id();
            }
            CheckingBpmn.Checked checked = publishing.preview(form);
            return formPage(form, rows, timeline.of(procedure, checked.steps(), checked.totalTime(), RoutesApiController.date(from)), model, user);
        } catch (RouteRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", refused.problems());
            return formPage(form, rows, null, model, user);
        }
    }

    @GetMapping("/versions/{versionId}")
    String version(@PathVariable UUID versionId, @RequestParam(required = false) String from, Authentication user, Model model) {
        RouteViews.VersionView version = reading.version(versionId).orElseThrow(() -> RoutesApiController.notFound("version", versionId));
        Procedure procedure = publishing.procedure(version.procedureCode());
        access.checkManage(user, procedure, version.agencyCode());
        RouteStore.Version stored = reading.stored(versionId).orElseThrow();
        LocalDate date;
        try {
            date = RoutesApiController.date(from);
        } catch (RouteRefused refused) {
            date = null;
            model.addAttribute("problems", refused.problems());
        }
        model.addAttribute("moments", MOMENTS);
        model.addAttribute("version", version);
        model.addAttribute("procedure", procedure);
        model.addAttribute("timeline", timeline.of(procedure, stored.steps(), stored.totalTime(), date));
        model.addAttribute("bpmn", stored.bpmnXml());
        model.addAttribute("history", reading.route(version.routeId()).map(RouteViews.RouteView::versions).orElse(List.of()));
        model.addAttribute("from", from);
        return "route/version";
    }

    @PostMapping("/versions/{versionId}/publish")
    String publish(@PathVariable UUID versionId, Authentication user, RedirectAttributes redirect, Locale locale) {
        return act(versionId, user, redirect, locale, () -> publishing.publish(versionId, user.getName()), "route.published");
    }

    @PostMapping("/versions/{versionId}/retire")
    String retire(@PathVariable UUID versionId, Authentication user, RedirectAttributes redirect, Locale locale) {
        return act(versionId, user, redirect, locale, () -> publishing.retire(versionId, user.getName()), "route.retired");
    }

    @GetMapping("/decisions")
    String decisionTables(Authentication user, Model model) {
        model.addAttribute("moments", MOMENTS);
        model.addAttribute("decisions", decisions.all());
        model.addAttribute("mayUpload", RouteAccess.isProvinceAdmin(user));
        model.addAttribute("uploadErrors", List.of());
        return "route/decisions";
    }

    @PostMapping("/decisions")
    String uploadDecision(@RequestParam(required = false) MultipartFile file, Authentication user, Model model,
                          HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new RouteRefused("file", "required", "Chưa chọn tệp DMN");
            }
            if (file.getSize() > RoutesApiController.MAX_XML) {
                throw new RouteRefused("file", "size", "Tệp DMN lớn quá %d byte".formatted(RoutesApiController.MAX_XML));
            }
            DecisionStore.Decision stored = decisions.upload(new String(file.getBytes(), StandardCharsets.UTF_8), false, user.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("route.decision.saved",
                    new Object[] {stored.key(), stored.version()}, locale));
            return "redirect:/admin/routes/decisions";
        } catch (RouteRefused refused) {
            response.setStatus(422);
            model.addAttribute("moments", MOMENTS);
            model.addAttribute("decisions", decisions.all());
            model.addAttribute("mayUpload", RouteAccess.isProvinceAdmin(user));
            model.addAttribute("uploadErrors", refused.problems());
            return "route/decisions";
        }
    }

    /** A refusal outside a form (a procedure no longer in force…): the list page with the reason. */
    @org.springframework.web.bind.annotation.ExceptionHandler
    String refused(RouteRefused refused, Authentication user, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("routes", reading.routes().stream().filter(r -> visible(user, r.procedureCode(), r.agencyCode())).toList());
        model.addAttribute("procedures", procedureOptions(user));
        model.addAttribute("uploadErrors", refused.problems());
        return "route/index";
    }

    private String act(UUID versionId, Authentication user, RedirectAttributes redirect, Locale locale, Runnable action, String done) {
        RouteViews.VersionView version = reading.version(versionId).orElseThrow(() -> RoutesApiController.notFound("version", versionId));
        access.checkManage(user, publishing.procedure(version.procedureCode()), version.agencyCode());
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage(done, new Object[] {version.version()}, locale));
        } catch (RouteRefused refused) {
            redirect.addFlashAttribute("problems", refused.problems());
        }
        return "redirect:/admin/routes/versions/" + versionId;
    }

    private String formPage(RouteForm form, List<StepRow> rows, RouteTimeline.Timeline preview, Model model, Authentication user) {
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("preview", preview);
        model.addAttribute("procedures", procedureOptions(user));
        model.addAttribute("kinds", Arrays.stream(StepKind.values()).map(k -> new Option(k.name(), k.vietnameseName())).toList());
        model.addAttribute("roles", CheckingBpmn.STEP_ROLES.stream().map(r -> new Option(r.name(), r.vietnameseName())).toList());
        model.addAttribute("decisionKeys", decisions.all().stream().filter(DecisionStore.Decision::published)
                .map(DecisionStore.Decision::key).distinct().toList());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "route/form";
    }

    private List<StepRow> rows(RouteForm form) {
        List<StepRow> rows = new ArrayList<>(form.steps().stream()
                .map(s -> new StepRow(s.name(), s.kind(), s.role(), s.unit(), s.workingTime())).toList());
        if (rows.isEmpty()) {
            rows.add(new StepRow("", StepKind.RECEIVE.name(), Role.ONE_STOP_OFFICER.name(), RouteTemplates.RECEIVING, ""));
        }
        return rows;
    }

    /** The procedures in force that the user may build routes for. */
    private List<Option> procedureOptions(Authentication user) {
        List<Option> options = new ArrayList<>();
        int page = 0;
        while (page < 50) {
            var found = procedures.search(new ProcedureQuery(PublishingRoutes.today(), null, null, null, null, null, page,
                    ProcedureQuery.MAX_PAGE_SIZE));
            for (ProcedureSummary p : found.items()) {
                if (RouteAccess.isProvinceAdmin(user) || visible(user, p.code(), null)) {
                    options.add(new Option(p.code(), p.code() + " – " + p.name()));
                }
            }
            if ((long) (page + 1) * ProcedureQuery.MAX_PAGE_SIZE >= found.total()) {
                break;
            }
            page++;
        }
        return options;
    }

    private boolean visible(Authentication user, String procedureCode, String agencyCode) {
        try {
            return access.mayManage(user, publishing.procedure(procedureCode), agencyCode);
        } catch (RouteRefused gone) {
            return RouteAccess.isProvinceAdmin(user);
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? "" : values.get(i);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
