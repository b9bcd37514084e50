package vn.gov.egov.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.attachment.CheckedFile;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.attachment.RejectedFile;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.route.StepKind;

/**
 * The officials' acts on steps, each in one transaction with the process engine, the steps table and the dossier
 * (nothing half-applied): claim, assign, decide, comment, attach working papers, apologise with a new appointment.
 * The step's row lock serialises two officials acting on the same step: one wins, the other is refused. Who holds a
 * step is kept in {@code processing_step} only: the engine's task keeps no assignee (nothing reads it), so a claim or an
 * assignment costs the engine nothing.
 */
@Service
class WorkingOnTasks {

    static final int MAX_TEXT = 2000;

    /** A decision as asked: the reason (return, refusal), what is missing (supplements), the result's title (approval). */
    record DecisionRequest(String decision, String reason, List<MissingItem> missing, String resultTitle, String comment) {
    }

    private final Officials officials;
    private final ProcessingStore store;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RecordingSteps recording;
    private final StepClock clock;
    private final DossierProgress progress;
    private final ResolvingDossiers resolving;
    private final DossierFiles files;
    private final ProcessingViews views;

    WorkingOnTasks(Officials officials, ProcessingStore store, TaskService tasks, RuntimeService runtime, RecordingSteps recording,
                   StepClock clock, DossierProgress progress, ResolvingDossiers resolving, DossierFiles files,
                   ProcessingViews views) {
        this.officials = officials;
        this.store = store;
        this.tasks = tasks;
        this.runtime = runtime;
        this.recording = recording;
        this.clock = clock;
        this.progress = progress;
        this.resolving = resolving;
        this.files = files;
        this.views = views;
    }

    Official official(String username) {
        return officials.byUsername(username).orElseThrow(() -> new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-official",
                "Tài khoản '%s' không phải cán bộ, công chức có vị trí công tác".formatted(username)));
    }

    @Transactional
    public ProcessingStep claim(String username, UUID stepId) {
        Official me = official(username);
        ProcessingStep step = lockedOpen(stepId);
        if (username.equals(step.assignee())) {
            return step;
        }
        if (step.assignee() != null) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, "already-claimed", "Bước \"%s\" của hồ sơ %s đã do %s nhận xử lý"
                    .formatted(step.name(), code(step), display(step.assigneeName(), step.assignee())));
        }
        if (!Groups.of(me).contains(step.candidateGroup())) {
            throw new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-candidate",
                    "Bước \"%s\" của hồ sơ %s dành cho nhóm %s; Ông/Bà không giữ vị trí này nên không nhận xử lý được"
                            .formatted(step.name(), code(step), step.candidateGroup()));
        }
        return store.claim(stepId, username, me.fullName(), username, Instant.now());
    }

    /** A division head or the agency's leader gives a step to a specialist of the same agency. */
    @Transactional
    public ProcessingStep assign(String username, UUID stepId, String assigneeUsername) {
        Official me = official(username);
        ProcessingStep step = lockedOpen(stepId);
        String agency = Groups.agency(step.candidateGroup());
        if (!Groups.holds(me, Role.DIVISION_HEAD, agency) && !Groups.holds(me, Role.AGENCY_LEADER, agency)) {
            throw new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-head",
                    "Chỉ lãnh đạo phòng hoặc lãnh đạo cơ quan %s mới phân công được bước \"%s\" của hồ sơ %s"
                            .formatted(agency, step.name(), code(step)));
        }
        Official assignee = assigneeUsername == null || assigneeUsername.isBlank() ? null
                : officials.byUsername(assigneeUsername.strip()).orElse(null);
        if (assignee == null) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "unknown-official",
                    "Người được phân công: không có cán bộ '%s'".formatted(assigneeUsername == null ? "" : assigneeUsername));
        }
        if (!Groups.holds(assignee, Role.SPECIALIST, agency) || !Groups.of(assignee).contains(step.candidateGroup())) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "not-specialist",
                    "Người được phân công: %s không phải chuyên viên thuộc nhóm %s của bước \"%s\""
                            .formatted(assignee.fullName(), step.candidateGroup(), step.name()));
        }
        return store.claim(stepId, assignee.username(), assignee.fullName(), username, Instant.now());
    }

    @Transactional
    public List<ProcessingStep> decide(String username, UUID stepId, DecisionRequest request) {
        Official me = official(username);
        ProcessingStep step = lockedOpen(stepId);
        if (!username.equals(step.assignee())) {
            throw new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-holder",
                    "Bước \"%s\" của hồ sơ %s %s; chỉ người đang giữ bước mới quyết định được".formatted(step.name(), code(step),
                            step.assignee() == null ? "chưa có ai nhận xử lý" : "do " + display(step.assigneeName(), step.assignee()) + " đang xử lý"));
        }
        Decision decision = Decision.parse(request.decision());
        if (decision == null || !Decision.allowedFor(step.kind()).contains(decision)) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "wrong-decision",
                    "Quyết định '%s' không áp dụng cho bước \"%s\" (%s); được chọn: %s".formatted(request.decision(), step.name(),
                            step.kind() == null ? "bước xử lý" : step.kind().vietnameseName(),
                            String.join(", ", Decision.allowedFor(step.kind()).stream().map(Enum::name).toList())));
        }
        if (step.waiting() && decision != Decision.RETURN) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, "awaiting-supplement",
                    "Hồ sơ %s đang tạm dừng chờ bổ sung; bước \"%s\" tiếp tục khi người nộp bổ sung xong".formatted(code(step), step.name()));
        }
        String comment = text(request.comment(), "comment", "Ý kiến xử lý", false);
        ProcessingStore.ProcessedDossier dossier = store.dossierForUpdate(step.dossierId()).orElseThrow();
        DossierProgress.Actor actor = new DossierProgress.Actor(me.username(), me.fullName());
        Instant now = Instant.now();
        try {
            switch (decision) {
                case FORWARD -> finish(step, me, decision, comment, now, Map.of());
                case PROPOSE_REFUSAL -> {
                    String reasons = text(request.reason(), "reason", "Lý do đề xuất từ chối", true);
                    store.proposeRefusal(dossier.dossierId(), reasons);
                    finish(step, me, decision, join(reasons, comment), now, Map.of("refusalProposed", true, "refusalReasons", reasons));
                }
                case RETURN -> returnToPrevious(step, dossier, me, text(request.reason(), "reason", "Lý do trả lại", true), comment, now);
                case REQUEST_SUPPLEMENT -> {
                    progress.requestSupplement(dossier.dossierId(), actor, request.missing() == null ? List.of() : request.missing());
                    store.startWaiting(dossier.dossierId(), now);
                    if (comment != null) {
                        store.comment(dossier.dossierId(), stepId, me.username(), me.fullName(), comment, now);
                    }
                    return List.of(store.step(stepId).orElseThrow());
                }
                case APPROVE -> {
                    String title = text(request.resultTitle(), "resultTitle", "Tên kết quả giải quyết", true);
                    resolving.approve(dossier, actor, Groups.agency(step.candidateGroup()), title, comment);
                    store.decided(dossier.dossierId(), "APPROVED", title, comment, me.username(), now);
                    finish(step, me, decision, join("Phê duyệt: " + title, comment), now, Map.of("outcome", "APPROVED"));
                }
                case REFUSE -> {
                    String reasons = request.reason() == null || request.reason().isBlank() ? dossier.refusalReasons() : request.reason();
                    reasons = text(reasons, "reason", "Lý do từ chối giải quyết", true);
                    resolving.refuse(dossier, actor, Groups.agency(step.candidateGroup()), reasons);
                    store.decided(dossier.dossierId(), "REFUSED", null, reasons, me.username(), now);
                    finish(step, me, decision, join("Từ chối: " + reasons, comment), now, Map.of("outcome", "REFUSED"));
                }
                case COMPLETE -> {
                    DossierStatus status = progress.detail(dossier.dossierId()).orElseThrow().summary().status();
                    if (status != DossierStatus.RETURNED) {
                        throw new TaskRefused(TaskRefused.Reason.CONFLICT, "not-returned",
                                "Hồ sơ %s chưa trả kết quả (đang \"%s\"); bước trả kết quả hoàn thành khi Bộ phận Một cửa trả kết quả"
                                        .formatted(code(step), status.vietnameseName()));
                    }
                    finish(step, me, decision, comment, now, Map.of());
                }
            }
        } catch (SubmissionRefused e) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, e.violations().isEmpty() ? "invalid" : e.violations().get(0).rule(), e.getMessage());
        } catch (DossierActionRefused e) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, e.rule(), e.getMessage());
        }
        List<ProcessingStep> next = afterMove(dossier);
        return next;
    }

    private void finish(ProcessingStep step, Official me, Decision decision, String comment, Instant now,
                        Map<String, Object> variables) {
        store.complete(step.id(), me.username(), me.fullName(), decision.name(), comment, now, clock.used(step, now));
        tasks.complete(step.taskId(), new HashMap<>(variables));
    }

    private void returnToPrevious(ProcessingStep step, ProcessingStore.ProcessedDossier dossier, Official me, String reason,
                                  String comment, Instant now) {
        Optional<ProcessingStep> previous = store.steps(step.dossierId()).stream()
                .filter(s -> s.completedAt() != null && !s.activityId().equals(step.activityId()) && s.seq() < step.seq())
                .max(Comparator.comparing(ProcessingStep::completedAt).thenComparingInt(ProcessingStep::seq));
        if (previous.isEmpty()) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "no-previous-step",
                    "Bước \"%s\" là bước đầu tiên của hồ sơ %s: không có bước trước để trả lại".formatted(step.name(), code(step)));
        }
        store.complete(step.id(), me.username(), me.fullName(), Decision.RETURN.name(),
                join("Trả lại bước \"" + previous.get().name() + "\": " + reason, comment), now, clock.used(step, now));
        if (step.kind() == StepKind.APPROVE && dossier.refusalProposed()) {
            store.withdrawRefusalProposal(dossier.dossierId());
            runtime.setVariable(dossier.processInstanceId(), "refusalProposed", false);
        }
        runtime.createChangeActivityStateBuilder().processInstanceId(dossier.processInstanceId())
                .moveActivityIdTo(step.activityId(), previous.get().activityId()).changeState();
    }

    /** After a move: the new steps, the end of the process, a return step that the desk already did. */
    private List<ProcessingStep> afterMove(ProcessingStore.ProcessedDossier dossier) {
        List<ProcessingStep> created = recording.record(dossier.dossierId(), dossier.processInstanceId());
        boolean returnStepsCompleted = completeReturnStepsIfReturned(dossier.dossierId());
        // a step just opened and none completed since: the process is running, no need to ask the engine
        if ((created.isEmpty() || returnStepsCompleted)
                && runtime.createProcessInstanceQuery().processInstanceId(dossier.processInstanceId()).count() == 0) {
            store.ended(dossier.dossierId(), Instant.now());
        }
        return created;
    }

    /** The desk returned the result: the route's return step (open now, or when it opens) is complete. */
    @Transactional
    public void completeReturnSteps(UUID dossierId) {
        Optional<ProcessingStore.ProcessedDossier> dossier = store.dossier(dossierId);
        if (dossier.isEmpty() || dossier.get().processInstanceId() == null) {
            return;
        }
        if (completeReturnStepsIfReturned(dossierId)) {
            afterMove(dossier.get());
        }
    }

    private boolean completeReturnStepsIfReturned(UUID dossierId) {
        List<ProcessingStep> open = store.openSteps(dossierId).stream().filter(s -> s.kind() == StepKind.RETURN).toList();
        if (open.isEmpty() || progress.brief(dossierId).map(d -> d.summary().status() != DossierStatus.RETURNED).orElse(true)) {
            return false;
        }
        Instant now = Instant.now();
        for (ProcessingStep step : open) {
            ProcessingStep locked = store.stepForUpdate(step.id()).orElseThrow();
            if (!locked.open()) {
                continue;
            }
            String by = locked.assignee() == null ? StartingProcesses.SYSTEM.username() : locked.assignee();
            String byName = locked.assignee() == null ? StartingProcesses.SYSTEM.fullName() : display(locked.assigneeName(), locked.assignee());
            store.complete(step.id(), by, byName, Decision.COMPLETE.name(), "Bộ phận Một cửa đã trả kết quả", now, clock.used(locked, now));
            tasks.complete(locked.taskId());
        }
        return true;
    }

    @Transactional
    public void comment(String username, String code, String text) {
        Official me = official(username);
        ProcessingStore.ProcessedDossier dossier = views.visible(me, code).orElseThrow(() -> unknown(code));
        String comment = text(text, "text", "Ý kiến", true);
        UUID stepId = store.openSteps(dossier.dossierId()).stream().filter(s -> username.equals(s.assignee())).map(ProcessingStep::id)
                .findFirst().orElse(null);
        store.comment(dossier.dossierId(), stepId, me.username(), me.fullName(), comment, Instant.now());
    }

    @Transactional
    public StoredFile attachPaper(String username, String code, Upload upload) {
        Official me = official(username);
        ProcessingStore.ProcessedDossier dossier = views.visible(me, code).orElseThrow(() -> unknown(code));
        CheckedFile checked;
        try {
            checked = files.check(upload);
        } catch (RejectedFile e) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, e.rule(), e.getMessage());
        }
        StoredFile stored = files.store(checked, new Provenance("PROCESSING", dossier.code(), me.username()));
        UUID stepId = store.openSteps(dossier.dossierId()).stream().filter(s -> username.equals(s.assignee())).map(ProcessingStep::id)
                .findFirst().orElse(null);
        store.paper(dossier.dossierId(), stepId, stored.sha256(), checked.fileName(), stored.mediaType(), stored.size(), me.username(),
                me.fullName(), Instant.now());
        return stored;
    }

    /** The apology with a new appointment (form 04): the agency's leader or the receiving agency's one-stop officer. */
    @Transactional
    public void reschedule(String username, String code, String reason, LocalDate newAppointment) {
        Official me = official(username);
        ProcessingStore.ProcessedDossier dossier = views.visible(me, code).orElseThrow(() -> unknown(code));
        boolean leader = Groups.holds(me, Role.AGENCY_LEADER, dossier.receivingAgency())
                || store.groupsOf(dossier.dossierId()).stream().map(Groups::agency).anyMatch(a -> Groups.holds(me, Role.AGENCY_LEADER, a));
        if (!leader && !Groups.holds(me, Role.ONE_STOP_OFFICER, dossier.receivingAgency())) {
            throw new TaskRefused(TaskRefused.Reason.FORBIDDEN, "not-permitted",
                    "Chỉ lãnh đạo cơ quan giải quyết hoặc cán bộ một cửa của %s mới lập phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ %s"
                            .formatted(dossier.receivingAgency(), code));
        }
        try {
            progress.reschedule(dossier.dossierId(), new DossierProgress.Actor(me.username(), me.fullName()), reason, newAppointment);
        } catch (SubmissionRefused e) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, e.violations().isEmpty() ? "invalid" : e.violations().get(0).rule(), e.getMessage());
        } catch (DossierActionRefused e) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, e.rule(), e.getMessage());
        }
    }

    private ProcessingStep lockedOpen(UUID stepId) {
        ProcessingStep step = store.stepForUpdate(stepId).orElseThrow(() -> new TaskRefused(TaskRefused.Reason.NOT_FOUND, "unknown-task",
                "Không có bước xử lý '%s'".formatted(stepId)));
        if (!step.open()) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, "already-done",
                    "Bước \"%s\" của hồ sơ %s đã được %s xử lý lúc %s".formatted(step.name(), code(step),
                            display(step.completedByName(), step.completedBy()), StepTexts.time(step.completedAt())));
        }
        return step;
    }

    private String code(ProcessingStep step) {
        return store.dossier(step.dossierId()).map(ProcessingStore.ProcessedDossier::code).orElse("?");
    }

    static TaskRefused unknown(String code) {
        return new TaskRefused(TaskRefused.Reason.NOT_FOUND, "unknown-dossier", "Không có hồ sơ '%s' đang giải quyết".formatted(code));
    }

    static String display(String name, String username) {
        return name == null || name.isBlank() ? username : name;
    }

    private static String join(String first, String second) {
        return second == null ? first : first + ". " + second;
    }

    /** Trimmed text within the limit; {@code null} when optional and blank. */
    static String text(String value, String field, String label, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new TaskRefused(TaskRefused.Reason.INVALID, "required", "%s (%s): bắt buộc nhập".formatted(label, field));
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "too-long", "%s (%s): tối đa %d ký tự".formatted(label, field, MAX_TEXT));
        }
        return value.strip();
    }
}
