package vn.gov.egov.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.route.Routes;
import vn.gov.egov.route.StepKind;

/**
 * Turns the process instance's new user tasks into steps: kind and working time from the BPMN's {@code egov:}
 * attributes, the candidate group (as the BPMN names it, or as the engine resolved its expression), and the due time
 * from the calendar (office time from the moment the task was created). The due time is kept in
 * {@code processing_step} only, where the clock moves it when it stops and restarts; the engine's task has none. A
 * step given back to an earlier activity goes to the official who did it before.
 */
@Component
class RecordingSteps {

    private static final Pattern WORKING_TIME = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([dh])\\s*", Pattern.CASE_INSENSITIVE);
    /** A step without {@code egov:workingTime} gets one working day. */
    private static final String DEFAULT_TIME = "1d";

    private final TaskService tasks;
    private final RepositoryService repository;
    private final ProcessingStore store;
    private final WorkingCalendar calendar;
    private final NewTasks newTasks;

    RecordingSteps(TaskService tasks, RepositoryService repository, ProcessingStore store, WorkingCalendar calendar, NewTasks newTasks) {
        this.tasks = tasks;
        this.newTasks = newTasks;
        this.repository = repository;
        this.store = store;
        this.calendar = calendar;
    }

    /**
     * Records the instance's open tasks that have no step yet; returns the new steps. The tasks the engine opened in
     * this transaction are known from {@link NewTasks}; without a transaction the engine is asked.
     */
    List<ProcessingStep> record(UUID dossierId, String processInstanceId) {
        List<NewTasks.NewTask> open = newTasks.take(processInstanceId).orElseGet(() -> openTasks(processInstanceId));
        if (open.isEmpty()) {
            return List.of();
        }
        List<ProcessingStep> history = store.steps(dossierId);
        java.util.Set<String> recorded = history.stream().map(ProcessingStep::taskId).collect(java.util.stream.Collectors.toSet());
        // the steps' numbers are unique per dossier: a concurrent recording of the same dossier fails rather than doubles
        int seq = history.stream().mapToInt(ProcessingStep::seq).max().orElse(0);
        List<ProcessingStep> created = new java.util.ArrayList<>();
        for (NewTasks.NewTask task : open) {
            if (recorded.contains(task.id())) {
                continue;
            }
            Activity activity = activity(task.processDefinitionId(), task.taskDefinitionKey());
            StepKind kind = activity.kind();
            Duration allowed = workingTime(activity.workingTime(), calendar.workingDayLength());
            Instant createdAt = task.createdAt();
            Instant due = calendar.addWorkingTime(createdAt, allowed).toInstant();
            String group = activity.group() != null ? activity.group() : task.candidateGroup();
            // given back to an activity done before: to the official who did it
            Optional<ProcessingStep> before = history.stream()
                    .filter(s -> s.activityId().equals(task.taskDefinitionKey()) && s.completedBy() != null)
                    .max(Comparator.comparingInt(ProcessingStep::seq));
            String assignee = before.map(ProcessingStep::completedBy).orElse(task.assignee());
            String assigneeName = before.map(ProcessingStep::completedByName).orElse(null);
            ProcessingStep step = new ProcessingStep(UUID.randomUUID(), dossierId, ++seq, task.taskDefinitionKey(),
                    task.name() == null ? task.taskDefinitionKey() : task.name(), kind, group, (int) allowed.toMinutes(),
                    createdAt, due, assignee, assigneeName, assignee == null ? null : createdAt, null, 0, null, null, null, null,
                    null, null, task.id());
            store.insertStep(step, agencyOf(group));
            created.add(step);
        }
        return created;
    }

    /** The instance's open tasks as the engine has them, oldest first, with their first candidate group. */
    private List<NewTasks.NewTask> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .sorted(Comparator.comparing(Task::getCreateTime))
                .map(task -> new NewTasks.NewTask(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                        task.getTaskDefinitionKey(), task.getName(), task.getCreateTime().toInstant(), task.getAssignee(),
                        tasks.getIdentityLinksForTask(task.getId()).stream()
                                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                                .map(IdentityLink::getGroupId).findFirst().orElse(null)))
                .toList();
    }

    /**
     * What a user task of a deployed definition says of its steps: kind, working time, and its candidate group when
     * the BPMN names one without an expression (a {@code ${...}} group is resolved by the engine for each task and
     * read from the task's identity links). Deployed definitions never change, so this is read once per activity.
     */
    record Activity(StepKind kind, String workingTime, String group) {
    }

    private final Map<String, Activity> activities = new ConcurrentHashMap<>();

    Activity activity(String processDefinitionId, String activityId) {
        return activities.computeIfAbsent(processDefinitionId + '\n' + activityId, key -> {
            BpmnModel model = repository.getBpmnModel(processDefinitionId);
            FlowElement element = model.getFlowElement(activityId);
            if (!(element instanceof UserTask userTask)) {
                return new Activity(null, DEFAULT_TIME, null);
            }
            String time = Optional.ofNullable(userTask.getAttributeValue(Routes.NAMESPACE, "workingTime")).orElse(DEFAULT_TIME);
            String k = userTask.getAttributeValue(Routes.NAMESPACE, "kind");
            List<String> groups = userTask.getCandidateGroups();
            String group = groups.size() == 1 && !groups.get(0).contains("${") && !groups.get(0).contains("#{")
                    && !groups.get(0).contains(",") ? groups.get(0).strip() : null;
            return new Activity(k == null ? null : StepKind.valueOf(k.strip().toUpperCase(Locale.ROOT)), time,
                    group == null || group.isEmpty() ? null : group);
        });
    }

    /** {@code 2d} → two working days of office time, {@code 4h} → four hours. */
    static Duration workingTime(String text, Duration workingDay) {
        Matcher m = WORKING_TIME.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("egov:workingTime '%s' không đúng dạng 2d hoặc 4h".formatted(text));
        }
        double value = Double.parseDouble(m.group(1));
        long minutes = m.group(2).equalsIgnoreCase("d") ? Math.round(value * workingDay.toMinutes()) : Math.round(value * 60);
        return Duration.ofMinutes(minutes);
    }

    /** {@code SPECIALIST@SO-TP/PHONG-A} → {@code SO-TP}. */
    static String agencyOf(String group) {
        if (group == null || !group.contains("@")) {
            return null;
        }
        String unit = group.substring(group.indexOf('@') + 1);
        int slash = unit.indexOf('/');
        return slash < 0 ? unit : unit.substring(0, slash);
    }
}
