package vn.gov.egov.route;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.identity.Role;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.ProcessingTime;

/**
 * Checks a BPMN against the process engine's validator and the platform's rules (see {@code package-info}), and reads
 * its steps. Every problem names the element; a BPMN with any problem is refused as a whole.
 */
@Component
class CheckingBpmn {

    static final Set<Role> STEP_ROLES = EnumSet.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.DIVISION_HEAD,
            Role.AGENCY_LEADER, Role.CLERK);
    static final String DECISION_DELEGATE = "${routeDecisions}";
    /** Variables processing sets when it starts a dossier's process, usable as units. */
    static final Set<String> START_VARIABLES = Set.of("receivingAgency", "applicantCommune");
    private static final String AGENCIES = "agencies";
    private static final Pattern EXPRESSION_UNIT = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}(?:/([A-Za-z0-9._-]+))?");
    /** Conditions may compare process variables, nothing more: no calls, no property paths (beans), no indexing. */
    private static final java.util.function.Predicate<String> SAFE_CONDITION = condition -> {
        String outsideStrings = condition.replaceAll("'[^']*'|\"[^\"]*\"", "''");
        return !outsideStrings.contains("(") && !outsideStrings.contains("#{") && !outsideStrings.contains("[")
                && !Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*\\.\\s*[A-Za-z_]").matcher(outsideStrings).find();
    };
    private static final Pattern CODE_UNIT = Pattern.compile("([A-Za-z0-9._-]+)(?:/([A-Za-z0-9._-]+))?");

    /** A BPMN that passed: its model, its process key, its steps (main path first) and the main path's time. */
    record Checked(BpmnModel model, String processKey, String processName, List<RouteStep> steps, Duration totalTime,
                   List<String> decisionKeys) {
    }

    private final WorkingCalendar calendar;
    private final SharedCatalogs catalogs;
    private final DecisionStore decisions;
    private final ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();

    CheckingBpmn(WorkingCalendar calendar, SharedCatalogs catalogs, DecisionStore decisions) {
        this.calendar = calendar;
        this.catalogs = catalogs;
        this.decisions = decisions;
    }

    /** The legal processing time of a procedure as working time. */
    Duration legalTime(ProcessingTime time) {
        return switch (time.unit()) {
            case WORKING_DAYS -> calendar.workingDayLength().multipliedBy(time.value());
            case WORKING_HOURS -> Duration.ofHours(time.value());
            // settled within the day it is received
            case SAME_DAY -> calendar.workingDayLength();
        };
    }

    Checked check(String xml, Procedure procedure) {
        BpmnModel model = parse(xml);
        if (model.getProcesses().size() != 1) {
            throw new RouteRefused("bpmn", "one-process", "Tệp BPMN phải có đúng một quy trình (process), đang có %d"
                    .formatted(model.getProcesses().size()));
        }
        org.flowable.bpmn.model.Process process = model.getMainProcess();
        List<RouteProblem> problems = new ArrayList<>();
        if (!process.isExecutable()) {
            problems.add(new RouteProblem(process.getId(), "executable",
                    "Quy trình '%s' phải có isExecutable=\"true\"".formatted(process.getId())));
        }
        for (ValidationError error : validator.validate(model)) {
            if (!error.isWarning()) {
                String element = error.getActivityId() != null ? error.getActivityId() : process.getId();
                problems.add(new RouteProblem(element, "engine-" + error.getProblem(),
                        "Phần tử '%s' không hợp lệ theo bộ máy quy trình: %s".formatted(element, error.getDefaultDescription())));
            }
        }
        if (!process.getExecutionListeners().isEmpty() || !process.getEventListeners().isEmpty()) {
            problems.add(new RouteProblem(process.getId(), "no-listeners",
                    "Quy trình '%s' có listener: quy trình không được chạy mã lệnh tùy ý".formatted(process.getId())));
        }
        Duration dayLength = calendar.workingDayLength();
        Map<String, FlowNode> nodes = new LinkedHashMap<>();
        Map<String, Duration> times = new HashMap<>();
        Map<String, RouteStep> steps = new LinkedHashMap<>();
        List<String> decisionKeys = new ArrayList<>();
        Set<String> decisionOutputs = new HashSet<>();
        List<StartEvent> starts = new ArrayList<>();
        List<EndEvent> ends = new ArrayList<>();
        List<UserTask> userTasks = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            if (!element.getExecutionListeners().isEmpty()) {
                problems.add(new RouteProblem(element.getId(), "no-listeners",
                        "Phần tử %s có executionListener: quy trình không được chạy mã lệnh tùy ý".formatted(describe(element))));
            }
            if (element instanceof FlowNode node && (node.isAsynchronous() || node.isAsynchronousLeave())) {
                // a step opened later by the engine's job executor would reach no official's queue
                problems.add(new RouteProblem(node.getId(), "no-async",
                        "Phần tử %s chạy bất đồng bộ (flowable:async): các bước của hồ sơ phải mở ngay khi cán bộ chuyển bước"
                                .formatted(describe(node))));
            }
            if (element instanceof SequenceFlow flow) {
                String condition = flow.getConditionExpression();
                if (condition != null && !SAFE_CONDITION.test(condition)) {
                    problems.add(new RouteProblem(flow.getId(), "condition",
                            "Điều kiện của luồng '%s' chỉ được so sánh biến quy trình (không gọi phương thức, không truy cập thuộc tính): %s"
                                    .formatted(flow.getId(), condition)));
                }
            } else if (element instanceof StartEvent start) {
                starts.add(start);
                nodes.put(start.getId(), start);
                if (!start.getEventDefinitions().isEmpty()) {
                    problems.add(new RouteProblem(start.getId(), "plain-start",
                            "Sự kiện bắt đầu '%s' phải là sự kiện bắt đầu thường (không hẹn giờ, không thông điệp)".formatted(start.getId())));
                }
            } else if (element instanceof EndEvent end) {
                ends.add(end);
                nodes.put(end.getId(), end);
            } else if (element instanceof UserTask task) {
                userTasks.add(task);
                nodes.put(task.getId(), task);
                if (!task.getTaskListeners().isEmpty()) {
                    problems.add(new RouteProblem(task.getId(), "no-listeners",
                            "Bước %s có taskListener: quy trình không được chạy mã lệnh tùy ý".formatted(describe(task))));
                }
                if (task.getLoopCharacteristics() != null) {
                    problems.add(new RouteProblem(task.getId(), "no-loop",
                            "Bước %s là tác vụ nhiều lần (multiInstance): không được hỗ trợ; chia thành các bước riêng".formatted(describe(task))));
                }
                String expression = java.util.stream.Stream.of(task.getAssignee(), task.getOwner(), task.getDueDate(), task.getPriority(),
                                task.getCategory(), task.getSkipExpression(), task.getFormKey(), task.getBusinessCalendarName(),
                                String.join(",", task.getCandidateUsers()))
                        .filter(v -> v != null && (v.contains("${") || v.contains("#{"))).findFirst().orElse(null);
                if (expression != null) {
                    problems.add(new RouteProblem(task.getId(), "expression",
                            "Bước %s có biểu thức '%s': chỉ nhóm xử lý (candidateGroups) được dùng biến ${...}".formatted(describe(task), expression)));
                }
            } else if (element instanceof ServiceTask task) {
                nodes.put(task.getId(), task);
                decisionTask(task, problems, decisionKeys, decisionOutputs);
            } else if (element instanceof ExclusiveGateway || element instanceof ParallelGateway) {
                nodes.put(element.getId(), (FlowNode) element);
            } else {
                problems.add(new RouteProblem(element.getId(), "element-type",
                        "Phần tử %s loại %s không được hỗ trợ trong quy trình nội bộ (chỉ sự kiện bắt đầu/kết thúc, tác vụ người dùng, tác vụ quyết định và cổng rẽ nhánh)"
                                .formatted(describe(element), element.getClass().getSimpleName())));
            }
        }
        for (UserTask task : userTasks) {
            RouteStep step = step(task, dayLength, decisionOutputs, problems);
            if (step != null) {
                steps.put(task.getId(), step);
                times.put(task.getId(), step.workingTime());
            }
        }
        if (userTasks.isEmpty()) {
            problems.add(new RouteProblem(process.getId(), "no-steps", "Quy trình '%s' không có bước (tác vụ người dùng) nào"
                    .formatted(process.getId())));
        }
        if (starts.size() != 1) {
            problems.add(new RouteProblem(process.getId(), "one-start",
                    "Quy trình '%s' phải có đúng một sự kiện bắt đầu, đang có %d".formatted(process.getId(), starts.size())));
        }
        if (ends.isEmpty()) {
            problems.add(new RouteProblem(process.getId(), "no-end", "Quy trình '%s' không có sự kiện kết thúc (endEvent)"
                    .formatted(process.getId())));
        }
        Duration total = Duration.ZERO;
        List<String> mainPath = List.of();
        if (starts.size() == 1 && !ends.isEmpty()) {
            reachability(starts.get(0), nodes, ends, problems);
            mainPath = longestPath(starts.get(0), nodes, times);
            total = mainPath.stream().map(id -> times.getOrDefault(id, Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
            Duration legal = legalTime(procedure.processingTime());
            if (total.compareTo(legal) > 0) {
                problems.add(new RouteProblem(process.getId(), "over-legal-time",
                        "Tổng thời gian các bước trên luồng chính là %s, vượt thời hạn giải quyết của thủ tục %s là %s"
                                .formatted(StepTime.format(total, dayLength), procedure.code(), StepTime.format(legal, dayLength))));
            }
        }
        if (!problems.isEmpty()) {
            throw new RouteRefused(problems);
        }
        List<RouteStep> ordered = new ArrayList<>();
        mainPath.stream().filter(steps::containsKey).forEach(id -> ordered.add(steps.get(id)));
        steps.values().stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return new Checked(model, process.getId(), process.getName(), List.copyOf(ordered), total, List.copyOf(decisionKeys));
    }

    private void decisionTask(ServiceTask task, List<RouteProblem> problems, List<String> decisionKeys, Set<String> decisionOutputs) {
        String key = task.getAttributeValue(Routes.NAMESPACE, "decision");
        if (!ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(task.getImplementationType())
                || !DECISION_DELEGATE.equals(task.getImplementation() == null ? null : task.getImplementation().strip())) {
            problems.add(new RouteProblem(task.getId(), "service-task",
                    "Tác vụ dịch vụ %s không được phép: chỉ dùng tác vụ quyết định flowable:delegateExpression=\"${routeDecisions}\""
                            .formatted(describe(task))));
        } else if (key == null || key.isBlank()) {
            problems.add(new RouteProblem(task.getId(), "decision-key",
                    "Tác vụ quyết định %s thiếu thuộc tính egov:decision (mã bảng quyết định)".formatted(describe(task))));
        } else {
            Optional<DecisionStore.Decision> decision = decisions.latestPublished(key.strip());
            if (decision.isEmpty()) {
                problems.add(new RouteProblem(task.getId(), "unknown-decision",
                        "Tác vụ quyết định %s dùng bảng quyết định '%s' không tồn tại hoặc chưa ban hành"
                                .formatted(describe(task), key.strip())));
            } else {
                decisionKeys.add(key.strip());
                decisionOutputs.addAll(decision.get().outputs());
            }
        }
    }

    private BpmnModel parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new RouteRefused("bpmn", "empty", "Chưa có nội dung BPMN");
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw new RouteRefused("bpmn", "doctype", "Tệp BPMN không được chứa khai báo DOCTYPE hay ENTITY");
        }
        try {
            // schema validation on, safe XML on: no DTDs, no external entities
            return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true);
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            throw new RouteRefused("bpmn", "xml", "Tệp BPMN không đọc được (không đúng BPMN 2.0): " + reason);
        }
    }

    private RouteStep step(UserTask task, Duration dayLength, Set<String> decisionOutputs, List<RouteProblem> problems) {
        int before = problems.size();
        List<String> groups = task.getCandidateGroups();
        Role role = null;
        String unit = null;
        if (groups == null || groups.size() != 1 || !groups.get(0).contains("@")) {
            problems.add(new RouteProblem(task.getId(), "candidate-group",
                    "Bước %s phải có đúng một nhóm xử lý flowable:candidateGroups=\"VAI_TRÒ@ĐƠN_VỊ\", đang có: %s"
                            .formatted(describe(task), groups == null || groups.isEmpty() ? "(không có)" : String.join(",", groups))));
        } else {
            String group = groups.get(0).strip();
            String roleName = group.substring(0, group.indexOf('@')).strip();
            unit = group.substring(group.indexOf('@') + 1).strip();
            role = Arrays.stream(Role.values()).filter(r -> r.name().equals(roleName)).findFirst().orElse(null);
            if (role == null || !STEP_ROLES.contains(role)) {
                problems.add(new RouteProblem(task.getId(), "unknown-role",
                        "Bước %s dùng vai trò '%s' không có hoặc không xử lý hồ sơ; vai trò hợp lệ: %s"
                                .formatted(describe(task), roleName, STEP_ROLES)));
            }
            String unitProblem = unitProblem(unit, decisionOutputs);
            if (unitProblem != null) {
                problems.add(new RouteProblem(task.getId(), "unit", "Bước %s: %s".formatted(describe(task), unitProblem)));
            }
        }
        String timeText = task.getAttributeValue(Routes.NAMESPACE, "workingTime");
        StepTime time = StepTime.parse(timeText, dayLength);
        if (timeText == null || timeText.isBlank()) {
            problems.add(new RouteProblem(task.getId(), "working-time-missing",
                    "Bước %s thiếu thời gian xử lý egov:workingTime (ví dụ 2d hoặc 4h)".formatted(describe(task))));
        } else if (time == null) {
            problems.add(new RouteProblem(task.getId(), "working-time-format",
                    "Bước %s có thời gian xử lý egov:workingTime=\"%s\" không đúng dạng: số ngày làm việc (2d, 0.5d) hoặc số giờ làm việc (4h), lớn hơn 0"
                            .formatted(describe(task), timeText)));
        }
        String kindText = task.getAttributeValue(Routes.NAMESPACE, "kind");
        StepKind kind = kindText == null ? null
                : Arrays.stream(StepKind.values()).filter(k -> k.name().equals(kindText.strip())).findFirst().orElse(null);
        if (kind == null) {
            problems.add(new RouteProblem(task.getId(), "kind",
                    "Bước %s có loại bước egov:kind=\"%s\" không hợp lệ; loại hợp lệ: %s"
                            .formatted(describe(task), kindText == null ? "" : kindText, Arrays.toString(StepKind.values()))));
        }
        if (problems.size() > before) {
            return null;
        }
        String name = task.getName() == null || task.getName().isBlank() ? kind.vietnameseName() : task.getName().strip();
        return new RouteStep(task.getId(), name, kind, role, unit, time.duration(), time.days());
    }

    private String unitProblem(String unit, Set<String> decisionOutputs) {
        if (unit.isEmpty()) {
            return "thiếu đơn vị xử lý sau '@' (mã cơ quan, cơ quan/phòng, hoặc ${receivingAgency})";
        }
        Matcher expression = EXPRESSION_UNIT.matcher(unit);
        if (expression.matches()) {
            String variable = expression.group(1);
            if (expression.group(2) != null && catalogs.entry(AGENCIES, expression.group(2), LocalDate.now(WorkingCalendar.ZONE)).isEmpty()) {
                return "phòng, đơn vị '%s' không có trong danh mục cơ quan, đơn vị".formatted(expression.group(2));
            }
            if (START_VARIABLES.contains(variable) || decisionOutputs.contains(variable)) {
                return null;
            }
            return "đơn vị '%s' dùng biến '%s' không có: dùng %s hoặc một kết quả của bảng quyết định trong quy trình"
                    .formatted(unit, variable, START_VARIABLES);
        }
        Matcher code = CODE_UNIT.matcher(unit);
        if (!code.matches()) {
            return "đơn vị '%s' không đúng dạng (mã cơ quan, cơ quan/phòng, hoặc ${biến})".formatted(unit);
        }
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        if (catalogs.entry(AGENCIES, code.group(1), today).isEmpty()) {
            return "đơn vị '%s' không có trong danh mục cơ quan, đơn vị".formatted(code.group(1));
        }
        String division = code.group(2);
        if (division != null) {
            if (catalogs.entry(AGENCIES, division, today).isEmpty()) {
                return "phòng, đơn vị '%s' không có trong danh mục cơ quan, đơn vị".formatted(division);
            }
            if (!catalogs.isWithin(AGENCIES, division, code.group(1), today)) {
                return "phòng, đơn vị '%s' không thuộc cơ quan '%s'".formatted(division, code.group(1));
            }
        }
        return null;
    }

    private static void reachability(StartEvent start, Map<String, FlowNode> nodes, List<EndEvent> ends, List<RouteProblem> problems) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (reached.add(node.getId())) {
                node.getOutgoingFlows().stream().map(f -> nodes.get(f.getTargetRef())).filter(n -> n != null).forEach(queue::add);
            }
        }
        Set<String> reachingEnd = new HashSet<>();
        Deque<FlowNode> back = new ArrayDeque<>(ends);
        while (!back.isEmpty()) {
            FlowNode node = back.poll();
            if (reachingEnd.add(node.getId())) {
                node.getIncomingFlows().stream().map(f -> nodes.get(f.getSourceRef())).filter(n -> n != null).forEach(back::add);
            }
        }
        for (FlowNode node : nodes.values()) {
            if (!reached.contains(node.getId())) {
                problems.add(new RouteProblem(node.getId(), node instanceof EndEvent ? "unreachable-end" : "unreachable",
                        node instanceof EndEvent
                                ? "Sự kiện kết thúc '%s' không tới được từ sự kiện bắt đầu (unreachable end)".formatted(node.getId())
                                : "Phần tử %s không tới được từ sự kiện bắt đầu".formatted(describe(node))));
            } else if (!reachingEnd.contains(node.getId())) {
                problems.add(new RouteProblem(node.getId(), "no-way-to-end",
                        "Từ phần tử %s không tới được sự kiện kết thúc nào (unreachable end)".formatted(describe(node))));
            }
        }
    }

    /** The path from the start with the largest working time, loops (returns for rework) left out. */
    private static List<String> longestPath(StartEvent start, Map<String, FlowNode> nodes, Map<String, Duration> times) {
        Map<String, List<String>> memo = new HashMap<>();
        return longest(start.getId(), nodes, times, memo, new HashSet<>());
    }

    private static List<String> longest(String id, Map<String, FlowNode> nodes, Map<String, Duration> times,
                                        Map<String, List<String>> memo, Set<String> onPath) {
        List<String> known = memo.get(id);
        if (known != null) {
            return known;
        }
        FlowNode node = nodes.get(id);
        onPath.add(id);
        List<String> best = List.of();
        Duration bestTime = Duration.ofMinutes(-1);
        if (node != null) {
            for (SequenceFlow flow : node.getOutgoingFlows()) {
                if (onPath.contains(flow.getTargetRef()) || !nodes.containsKey(flow.getTargetRef())) {
                    continue;
                }
                List<String> tail = longest(flow.getTargetRef(), nodes, times, memo, onPath);
                Duration time = tail.stream().map(t -> times.getOrDefault(t, Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
                if (time.compareTo(bestTime) > 0) {
                    best = tail;
                    bestTime = time;
                }
            }
        }
        onPath.remove(id);
        List<String> path = new ArrayList<>(best.size() + 1);
        path.add(id);
        path.addAll(best);
        memo.put(id, path);
        return path;
    }

    static String describe(FlowElement element) {
        String name = element.getName();
        return name == null || name.isBlank() ? "'%s'".formatted(element.getId()) : "'%s' (%s)".formatted(name.strip(), element.getId());
    }

    private static String rootMessage(Throwable e) {
        Throwable at = e;
        while (at.getCause() != null && at.getCause() != at) {
            at = at.getCause();
        }
        String message = at.getMessage() == null ? at.getClass().getSimpleName() : at.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
