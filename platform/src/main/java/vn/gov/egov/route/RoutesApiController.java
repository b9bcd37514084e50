package vn.gov.egov.route;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.procedure.Procedure;

/**
 * Procedure routes over REST, for the province administrator and the administrators of the procedures' agencies:
 * build (form or BPMN), preview the timeline, publish, retire; and the DMN decision tables routes use.
 */
@RestController
@RequestMapping("/api/v1/routes")
@Tag(name = "Quy trình nội bộ", description = "Procedure routes (BPMN 2.0) and DMN decision tables")
class RoutesApiController {

    static final long MAX_XML = 1_000_000;

    private final PublishingRoutes publishing;
    private final ReadingRoutes reading;
    private final RouteTemplates templates;
    private final RouteTimeline timeline;
    private final RouteAccess access;
    private final ManagingDecisions decisions;
    private final WorkingCalendar calendar;

    RoutesApiController(PublishingRoutes publishing, ReadingRoutes reading, RouteTemplates templates, RouteTimeline timeline,
                        RouteAccess access, ManagingDecisions decisions, WorkingCalendar calendar) {
        this.publishing = publishing;
        this.reading = reading;
        this.templates = templates;
        this.timeline = timeline;
        this.access = access;
        this.decisions = decisions;
        this.calendar = calendar;
    }

    @GetMapping
    @Operation(summary = "Every route with its versions (an agency administrator sees those of their agencies' procedures)")
    List<RouteViews.RouteView> routes(Authentication user) {
        return reading.routes().stream().filter(r -> visible(user, r.procedureCode(), r.agencyCode())).toList();
    }

    @GetMapping("/{routeId}")
    @Operation(summary = "One route and its version history, newest first")
    RouteViews.RouteView route(@PathVariable UUID routeId, Authentication user) {
        RouteViews.RouteView route = reading.route(routeId).orElseThrow(() -> notFound("route", routeId));
        check(user, route.procedureCode(), route.agencyCode());
        return route;
    }

    @GetMapping("/templates")
    @Operation(summary = "A template form for a procedure: kind=single (one agency) or inter-agency (commune receives, a decision names the deciding agency)")
    RouteForm template(@RequestParam String procedureCode, @RequestParam(required = false) String agencyCode,
                       @RequestParam(defaultValue = "single") String kind, @RequestParam(required = false) String decisionKey,
                       Authentication user) {
        Procedure procedure = publishing.procedure(procedureCode);
        access.checkManage(user, procedure, blankToNull(agencyCode));
        return switch (kind) {
            case "single" -> templates.singleAgency(procedure, blankToNull(agencyCode));
            case "inter-agency" -> templates.interAgency(procedure, blankToNull(agencyCode), blankToNull(decisionKey));
            default -> throw new RouteRefused("kind", "template", "Mẫu quy trình '%s' không có; dùng single hoặc inter-agency".formatted(kind));
        };
    }

    @PostMapping(value = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a form and show its timeline and BPMN; nothing is stored")
    RouteViews.Preview preview(@RequestBody RouteForm form, @RequestParam(required = false) String from, Authentication user) {
        Procedure procedure = publishing.procedure(form.procedureCode());
        access.checkManage(user, procedure, form.agencyCode());
        CheckingBpmn.Checked checked = publishing.preview(form);
        return new RouteViews.Preview(timeline.of(procedure, checked.steps(), checked.totalTime(), date(from)), publishing.bpmn(form));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a form as the route's next draft version (generates and checks the BPMN)")
    ResponseEntity<RouteViews.VersionView> create(@RequestBody RouteForm form, Authentication user) {
        Procedure procedure = publishing.procedure(form.procedureCode());
        access.checkManage(user, procedure, form.agencyCode());
        RouteStore.Version draft = publishing.saveGenerated(form, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(reading.version(draft.id()).orElseThrow());
    }

    @PostMapping(value = "/upload", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/bpmn+xml"})
    @Operation(summary = "Upload a BPMN 2.0 file as the route's next draft version; refused with reasons naming the elements")
    ResponseEntity<RouteViews.VersionView> upload(@RequestParam String procedureCode, @RequestParam(required = false) String agencyCode,
                                                  @RequestParam(required = false) String name, @RequestBody byte[] bpmn,
                                                  Authentication user) {
        return uploaded(procedureCode, agencyCode, name, bpmn, user);
    }

    @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a BPMN 2.0 file (multipart, part 'file') as the route's next draft version")
    ResponseEntity<RouteViews.VersionView> uploadFile(@RequestParam String procedureCode, @RequestParam(required = false) String agencyCode,
                                                      @RequestParam(required = false) String name, @RequestPart("file") MultipartFile file,
                                                      Authentication user) throws IOException {
        return uploaded(procedureCode, agencyCode, name, file.getBytes(), user);
    }

    private ResponseEntity<RouteViews.VersionView> uploaded(String procedureCode, String agencyCode, String name, byte[] bpmn,
                                                            Authentication user) {
        Procedure procedure = publishing.procedure(procedureCode);
        access.checkManage(user, procedure, blankToNull(agencyCode));
        if (bpmn.length > MAX_XML) {
            throw new RouteRefused("bpmn", "size", "Tệp BPMN lớn quá %d byte".formatted(MAX_XML));
        }
        RouteStore.Version draft = publishing.saveUploaded(procedureCode, agencyCode, name, new String(bpmn, StandardCharsets.UTF_8), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(reading.version(draft.id()).orElseThrow());
    }

    @GetMapping("/versions/{versionId}")
    @Operation(summary = "One version: status, steps, who saved, published and retired it")
    RouteViews.VersionView version(@PathVariable UUID versionId, Authentication user) {
        RouteViews.VersionView version = reading.version(versionId).orElseThrow(() -> notFound("version", versionId));
        check(user, version.procedureCode(), version.agencyCode());
        return version;
    }

    @GetMapping("/versions/{versionId}/bpmn")
    @Operation(summary = "The version's BPMN 2.0 XML")
    ResponseEntity<String> bpmn(@PathVariable UUID versionId, Authentication user) {
        RouteViews.VersionView version = version(versionId, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"route-" + version.procedureCode() + "-v" + version.version() + ".bpmn20.xml\"")
                .body(reading.stored(versionId).orElseThrow().bpmnXml());
    }

    @GetMapping("/versions/{versionId}/timeline")
    @Operation(summary = "The version's steps on the working-day calendar from a date (default now), against the legal time")
    RouteTimeline.Timeline versionTimeline(@PathVariable UUID versionId, @RequestParam(required = false) String from, Authentication user) {
        RouteViews.VersionView version = version(versionId, user);
        Procedure procedure = publishing.procedure(version.procedureCode());
        RouteStore.Version stored = reading.stored(versionId).orElseThrow();
        return timeline.of(procedure, stored.steps(), stored.totalTime(), date(from));
    }

    @PostMapping("/versions/{versionId}/publish")
    @Operation(summary = "Publish a draft: checked again, deployed to the process engine, then immutable")
    RouteViews.VersionView publish(@PathVariable UUID versionId, Authentication user) {
        version(versionId, user);
        publishing.publish(versionId, user.getName());
        return reading.version(versionId).orElseThrow();
    }

    @PostMapping("/versions/{versionId}/retire")
    @Operation(summary = "Retire a published version: new dossiers take the previous published one; running dossiers keep theirs")
    RouteViews.VersionView retire(@PathVariable UUID versionId, Authentication user) {
        version(versionId, user);
        publishing.retire(versionId, user.getName());
        return reading.version(versionId).orElseThrow();
    }

    @GetMapping("/decisions")
    @Operation(summary = "Every version of every decision table")
    List<RouteViews.DecisionView> decisionTables() {
        return decisions.all().stream().map(RouteViews.DecisionView::of).toList();
    }

    @GetMapping("/decisions/{key}")
    @Operation(summary = "The latest published DMN XML of a decision table")
    ResponseEntity<String> decisionTable(@PathVariable String key) {
        String xml = decisions.latest(key).map(DecisionStore.Decision::dmnXml).orElseThrow(() -> notFound("decision", key));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @PostMapping(value = "/decisions", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Upload a DMN 1.3 decision table (province administrator); its decision id is the key, stored as the key's next version")
    ResponseEntity<RouteViews.DecisionView> uploadDecision(@RequestBody byte[] dmn, Authentication user) {
        if (!RouteAccess.isProvinceAdmin(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị tỉnh được tải lên bảng quyết định dùng chung");
        }
        if (dmn.length > MAX_XML) {
            throw new RouteRefused("dmn", "size", "Tệp DMN lớn quá %d byte".formatted(MAX_XML));
        }
        DecisionStore.Decision stored = decisions.upload(new String(dmn, StandardCharsets.UTF_8), false, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(RouteViews.DecisionView.of(stored));
    }

    @PostMapping(value = "/decisions/{key}/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Try a decision table with variables (as a process would have them); answers its outputs")
    Map<String, Object> evaluate(@PathVariable String key, @RequestBody Map<String, Object> variables) {
        if (decisions.latest(key).isEmpty()) {
            throw notFound("decision", key);
        }
        return decisions.evaluate(key, variables);
    }

    private void check(Authentication user, String procedureCode, String agencyCode) {
        access.checkManage(user, publishing.procedure(procedureCode), agencyCode);
    }

    private boolean visible(Authentication user, String procedureCode, String agencyCode) {
        try {
            return access.mayManage(user, publishing.procedure(procedureCode), agencyCode);
        } catch (RouteRefused gone) {
            // a procedure no longer in force: only the province administrator still sees its routes
            return RouteAccess.isProvinceAdmin(user);
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < WorkingCalendar.FIRST_YEAR || date.getYear() > WorkingCalendar.LAST_YEAR - 1) {
                throw new RouteRefused("from", "range", "Ngày bắt đầu '%s' ngoài khoảng lịch hỗ trợ".formatted(text));
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new RouteRefused("from", "date-format", "Tham số from phải là ngày dạng YYYY-MM-DD, không phải '%s'".formatted(text));
        }
    }

    static ResponseStatusException notFound(String what, Object id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, switch (what) {
            case "route" -> "Không có quy trình " + id;
            case "decision" -> "Không có bảng quyết định '%s' đã ban hành".formatted(id);
            default -> "Không có phiên bản quy trình " + id;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
