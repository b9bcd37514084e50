package vn.gov.egov.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Role;

/** Officials' work on dossiers over REST (officials' tokens): queues, claim, assign, decide, comments, papers, control sheet. */
@RestController
@RequestMapping("/api/v1/processing")
@Tag(name = "Giải quyết hồ sơ", description = "Work queues and decisions on the steps of received dossiers")
class ProcessingApi {

    /** The roles that work on processing steps. */
    static final Set<String> ROLES = Set.of(Role.ONE_STOP_OFFICER.authority(), Role.SPECIALIST.authority(), Role.DIVISION_HEAD.authority(),
            Role.AGENCY_LEADER.authority(), Role.CLERK.authority());

    record TaskBody(UUID id, String dossierCode, String procedureName, int seq, String activityId, String name, String kind,
                    String candidateGroup, String assignee, String assigneeName, Instant createdAt, Instant dueAt, boolean waiting,
                    String standing, String timeLeft, int allowedMinutes, Instant completedAt, String completedBy, String decision,
                    String comment, Integer usedMinutes) {

        static TaskBody of(ProcessingViews.StepRow row) {
            ProcessingStep s = row.step();
            return new TaskBody(s.id(), row.dossierCode(), row.procedureName(), s.seq(), s.activityId(), s.name(),
                    s.kind() == null ? null : s.kind().name(), s.candidateGroup(), s.assignee(), s.assigneeName(), s.createdAt(), s.dueAt(),
                    s.waiting(), row.timeLeft().standing().name(), row.timeLeft().text(), s.allowedMinutes(), s.completedAt(),
                    s.completedBy(), s.decision(), s.comment(), s.usedMinutes());
        }
    }

    record AssignmentBody(String assignee) {
    }

    record DecisionBody(String decision, String reason, List<MissingItem> missing, String resultTitle, String comment) {
    }

    record CommentBody(String text) {
    }

    record PaperBody(String fileName, String mediaType, String content) {
    }

    record RescheduleBody(String reason, LocalDate newAppointment) {
    }

    record ActionsBody(UUID stepId, boolean claim, boolean assign, List<String> decisions) {
    }

    record DossierBody(String code, String status, String procedureCode, String procedureName, String receivingAgency,
                       Instant dueAt, LocalDate appointmentDate, boolean stopped, boolean late, boolean atRisk,
                       boolean refusalProposed, String refusalReasons, String outcome, List<TaskBody> steps,
                       List<ProcessingStore.Comment> comments, List<ProcessingStore.WorkingPaper> papers, List<ActionsBody> actions,
                       boolean mayReschedule) {
    }

    private final WorkingOnTasks work;
    private final ProcessingViews views;
    private final ControlSheet sheet;

    ProcessingApi(WorkingOnTasks work, ProcessingViews views, ControlSheet sheet) {
        this.work = work;
        this.views = views;
        this.sheet = sheet;
    }

    /** The caller as an official holding a processing role, else 403. */
    Official official(Authentication auth) {
        boolean processing = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
        if (!processing) {
            throw new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-permitted",
                    "Chỉ cán bộ một cửa, chuyên viên, lãnh đạo phòng, lãnh đạo cơ quan và văn thư mới làm việc trên hồ sơ đang giải quyết");
        }
        return work.official(auth.getName());
    }

    @GetMapping("/tasks")
    @Operation(summary = "The caller's steps: scope=mine (assigned to me) or unit (waiting for one of my positions' groups)")
    List<TaskBody> tasks(Authentication auth, @RequestParam(defaultValue = "mine") String scope) {
        ProcessingViews.Queues queues = views.queues(official(auth));
        return switch (scope) {
            case "mine" -> queues.mine().stream().map(TaskBody::of).toList();
            case "unit" -> queues.unit().stream().map(TaskBody::of).toList();
            default -> throw new TaskRefused(TaskRefused.Reason.INVALID, "scope", "scope: 'mine' hoặc 'unit', không phải '%s'".formatted(scope));
        };
    }

    @GetMapping("/alerts")
    @Operation(summary = "Overdue steps of the units the caller leads")
    List<ProcessingStore.Alert> alerts(Authentication auth) {
        return views.queues(official(auth)).alerts();
    }

    @PostMapping("/tasks/{id}/claim")
    @Operation(summary = "Take a step waiting for one of the caller's groups")
    TaskBody claim(Authentication auth, @PathVariable UUID id) {
        official(auth);
        return row(work.claim(auth.getName(), id));
    }

    @PostMapping("/tasks/{id}/assignment")
    @Operation(summary = "A division head or agency leader gives a step to a specialist of the same agency")
    TaskBody assign(Authentication auth, @PathVariable UUID id, @RequestBody AssignmentBody body) {
        official(auth);
        return row(work.assign(auth.getName(), id, body == null ? null : body.assignee()));
    }

    @PostMapping("/tasks/{id}/decision")
    @Operation(summary = "Decide on a step the caller holds: FORWARD, RETURN (reason), REQUEST_SUPPLEMENT (missing), "
            + "PROPOSE_REFUSAL (reason); at the approving step APPROVE (resultTitle) or REFUSE (reason); COMPLETE at the return step")
    List<TaskBody> decide(Authentication auth, @PathVariable UUID id, @RequestBody DecisionBody body) {
        official(auth);
        DecisionBody b = body == null ? new DecisionBody(null, null, null, null, null) : body;
        return work.decide(auth.getName(), id, new WorkingOnTasks.DecisionRequest(b.decision(), b.reason(), b.missing(), b.resultTitle(),
                b.comment())).stream().map(this::row).toList();
    }

    @GetMapping("/dossiers/{code}")
    @Operation(summary = "A dossier under processing: its steps, comments, working papers and the acts open to the caller")
    DossierBody dossier(Authentication auth, @PathVariable String code) {
        ProcessingViews.DossierView v = views.dossier(official(auth), code).orElseThrow(() -> WorkingOnTasks.unknown(code));
        return new DossierBody(v.detail().summary().code(), v.detail().summary().status().name(), v.detail().summary().procedureCode(),
                v.detail().summary().procedureName(), v.detail().summary().receivingAgency(), v.clock() == null ? null : v.clock().dueAt(),
                v.detail().summary().appointmentDate(), v.clock() != null && v.clock().stoppedAt() != null, v.clock() != null && v.clock().late(),
                v.atRisk(), v.processing().refusalProposed(), v.processing().refusalReasons(), v.processing().outcome(),
                v.steps().stream().map(TaskBody::of).toList(), v.comments(), v.papers(),
                v.actions().stream().map(a -> new ActionsBody(a.step().id(), a.claim(), a.assign(), a.decisions().stream().map(Enum::name).toList()))
                        .toList(), v.mayReschedule());
    }

    @PostMapping("/dossiers/{code}/comments")
    @Operation(summary = "Add a comment to the dossier's processing")
    ResponseEntity<Void> comment(Authentication auth, @PathVariable String code, @RequestBody CommentBody body) {
        visible(auth, code);
        work.comment(auth.getName(), code, body == null ? null : body.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{code}/papers")
    @Operation(summary = "Attach a working paper (base64 content), stored in the central repository")
    StoredFile paper(Authentication auth, @PathVariable String code, @RequestBody PaperBody body) {
        visible(auth, code);
        if (body == null || body.content() == null || body.fileName() == null) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "required", "Tài liệu: cần tên tệp (fileName) và nội dung (content, base64)");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(body.content());
        } catch (IllegalArgumentException e) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "base64", "Tài liệu: nội dung (content) không phải base64");
        }
        return work.attachPaper(auth.getName(), code, new Upload("paper", body.fileName(), body.mediaType(), content));
    }

    @GetMapping("/dossiers/{code}/control-sheet")
    @Operation(summary = "The control sheet (form 05) as PDF, as the process stands now")
    ResponseEntity<byte[]> controlSheet(Authentication auth, @PathVariable String code) {
        ProcessingStore.ProcessedDossier d = visible(auth, code);
        ProcessingViews.DossierView v = views.dossier(work.official(auth.getName()), code).orElseThrow(() -> WorkingOnTasks.unknown(code));
        return pdf(sheet.print(v.detail(), views.history(d.dossierId()), Instant.now()), "phieu-kiem-soat-" + code + ".pdf");
    }

    @PostMapping("/dossiers/{code}/reschedule")
    @Operation(summary = "Apology with a new appointment (form 04): the agency's leader or the receiving one-stop officer")
    ResponseEntity<Void> reschedule(Authentication auth, @PathVariable String code, @RequestBody RescheduleBody body) {
        visible(auth, code);
        work.reschedule(auth.getName(), code, body == null ? null : body.reason(), body == null ? null : body.newAppointment());
        return ResponseEntity.noContent().build();
    }

    private ProcessingStore.ProcessedDossier visible(Authentication auth, String code) {
        return views.visible(official(auth), code).orElseThrow(() -> WorkingOnTasks.unknown(code));
    }

    private TaskBody row(ProcessingStep step) {
        return TaskBody.of(views.row(step));
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(content);
    }
}
