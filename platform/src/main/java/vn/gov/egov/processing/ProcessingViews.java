package vn.gov.egov.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.route.RouteStep;
import vn.gov.egov.route.RouteVersion;
import vn.gov.egov.route.Routes;

/** What officials read: their queues, a dossier in full with the acts open to them, and who may see it. */
@Service
class ProcessingViews implements DossierProcessing {

    static final int QUEUE_SIZE = 200;

    /** A step in a queue or on the dossier page, with where it stands against its due time. */
    record StepRow(ProcessingStep step, String dossierCode, String procedureName, StepClock.TimeLeft timeLeft) {
    }

    /** The acts open to the viewer on one open step. */
    record StepActions(ProcessingStep step, boolean claim, boolean assign, List<Decision> decisions, List<Official> assignable) {
    }

    /** The whole dossier for an official. */
    record DossierView(DossierDetail detail, ProcessingStore.ProcessedDossier processing, List<StepRow> steps,
                       List<ProcessingStore.Comment> comments, List<ProcessingStore.WorkingPaper> papers, List<StepActions> actions,
                       boolean mayReschedule, boolean atRisk, DossierProgress.Clock clock) {
    }

    /** The official's queues and the alerts for the units they lead. */
    record Queues(List<StepRow> mine, List<StepRow> unit, List<ProcessingStore.Alert> alerts) {
    }

    private final ProcessingStore store;
    private final StepClock clock;
    private final DossierProgress progress;
    private final Routes routes;
    private final WorkingCalendar calendar;

    private final Officials officials;

    ProcessingViews(ProcessingStore store, StepClock clock, DossierProgress progress, Routes routes, WorkingCalendar calendar,
                    Officials officials) {
        this.officials = officials;
        this.store = store;
        this.clock = clock;
        this.progress = progress;
        this.routes = routes;
        this.calendar = calendar;
    }

    @Override
    public List<ProcessingStep> steps(UUID dossierId) {
        return store.steps(dossierId);
    }

    Queues queues(Official official) {
        Instant now = Instant.now();
        Set<String> groups = Groups.of(official);
        List<StepRow> mine = rows(store.openAssignedTo(official.username(), QUEUE_SIZE), now);
        Set<String> unitGroups = new java.util.LinkedHashSet<>(groups);
        unitGroups.addAll(Groups.supervisedBy(official));
        List<StepRow> unit = rows(store.openForGroups(unitGroups, QUEUE_SIZE).stream()
                .filter(s -> !official.username().equals(s.assignee())).toList(), now);
        return new Queues(mine, unit, store.alertsFor(groups, QUEUE_SIZE));
    }

    StepRow row(ProcessingStep step) {
        return rows(List.of(step), Instant.now()).get(0);
    }

    Optional<ProcessingStep> step(UUID stepId) {
        return store.step(stepId);
    }

    String code(ProcessingStep step) {
        return store.dossier(step.dossierId()).map(ProcessingStore.ProcessedDossier::code).orElse("?");
    }

    private List<StepRow> rows(List<ProcessingStep> steps, Instant now) {
        Map<UUID, Optional<ProcessingStore.ProcessedDossier>> dossiers = new LinkedHashMap<>();
        List<StepRow> rows = new ArrayList<>();
        for (ProcessingStep s : steps) {
            Optional<ProcessingStore.ProcessedDossier> d = dossiers.computeIfAbsent(s.dossierId(), store::dossier);
            rows.add(new StepRow(s, d.map(ProcessingStore.ProcessedDossier::code).orElse("?"),
                    d.map(ProcessingStore.ProcessedDossier::procedureName).orElse(""), clock.timeLeft(s, now)));
        }
        return rows;
    }

    /**
     * Who may see the dossier: officials holding or having held one of its steps, those whom an open step waits for,
     * the receiving agency's one-stop officers, and the leaders and division heads of the agencies involved (who assign
     * their specialists).
     */
    boolean maySee(Official official, ProcessingStore.ProcessedDossier dossier) {
        if (store.heldBy(dossier.dossierId(), official.username())) {
            return true;
        }
        if (Groups.holds(official, Role.ONE_STOP_OFFICER, dossier.receivingAgency())
                || Groups.holds(official, Role.AGENCY_LEADER, dossier.receivingAgency())) {
            return true;
        }
        Set<String> mine = Groups.of(official);
        List<String> groups = store.groupsOf(dossier.dossierId());
        if (store.openSteps(dossier.dossierId()).stream().anyMatch(s -> mine.contains(s.candidateGroup()))) {
            return true;
        }
        return groups.stream().map(Groups::agency).anyMatch(a -> Groups.holds(official, Role.AGENCY_LEADER, a)
                || Groups.holds(official, Role.DIVISION_HEAD, a));
    }

    Optional<ProcessingStore.ProcessedDossier> visible(Official official, String code) {
        return store.dossier(code).filter(d -> maySee(official, d));
    }

    Optional<DossierView> dossier(Official official, String code) {
        Optional<ProcessingStore.ProcessedDossier> found = visible(official, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProcessingStore.ProcessedDossier d = found.get();
        DossierDetail detail = progress.detail(d.dossierId()).orElse(null);
        if (detail == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        List<ProcessingStep> steps = store.steps(d.dossierId());
        List<StepRow> rows = steps.stream().map(s -> new StepRow(s, d.code(), d.procedureName(), clock.timeLeft(s, now))).toList();
        Set<String> groups = Groups.of(official);
        List<StepActions> actions = new ArrayList<>();
        for (ProcessingStep s : steps) {
            if (!s.open()) {
                continue;
            }
            boolean claim = s.assignee() == null && groups.contains(s.candidateGroup());
            String agency = Groups.agency(s.candidateGroup());
            boolean assign = Groups.role(s.candidateGroup()) == Role.SPECIALIST
                    && (Groups.holds(official, Role.DIVISION_HEAD, agency) || Groups.holds(official, Role.AGENCY_LEADER, agency));
            List<Decision> decisions = official.username().equals(s.assignee())
                    ? Decision.allowedFor(s.kind()).stream().filter(x -> x != Decision.RETURN || hasPrevious(steps, s))
                    .filter(x -> !s.waiting() || x == Decision.RETURN).toList()
                    : List.of();
            if (claim || assign || !decisions.isEmpty()) {
                // the specialists the step can go to: those whose positions answer to its group
                List<Official> assignable = assign ? officials.holding(Role.SPECIALIST, agency).stream()
                        .filter(o -> Groups.of(o).contains(s.candidateGroup())).toList() : List.of();
                actions.add(new StepActions(s, claim, assign, decisions, assignable));
            }
        }
        boolean leader = Groups.holds(official, Role.AGENCY_LEADER, d.receivingAgency())
                || store.groupsOf(d.dossierId()).stream().map(Groups::agency).anyMatch(a -> Groups.holds(official, Role.AGENCY_LEADER, a));
        DossierProgress.Clock dossierClock = progress.clock(d.dossierId()).orElse(null);
        boolean mayReschedule = (leader || Groups.holds(official, Role.ONE_STOP_OFFICER, d.receivingAgency()))
                && detail.summary().status().inProcessing();
        return Optional.of(new DossierView(detail, d, rows, store.comments(d.dossierId()), store.papers(d.dossierId()), actions,
                mayReschedule, atRisk(d, steps, dossierClock, now), dossierClock));
    }

    private static boolean hasPrevious(List<ProcessingStep> steps, ProcessingStep step) {
        return steps.stream().anyMatch(s -> s.completedAt() != null && s.seq() < step.seq() && !s.activityId().equals(step.activityId()));
    }

    /**
     * The dossier's due time will pass before its steps can finish: the office time left on the open steps plus the
     * time of the route's later steps ends after the due time.
     */
    boolean atRisk(ProcessingStore.ProcessedDossier d, List<ProcessingStep> steps, DossierProgress.Clock dossierClock, Instant now) {
        if (dossierClock == null || dossierClock.dueAt() == null || dossierClock.stoppedAt() != null || dossierClock.resolvedAt() != null) {
            return false;
        }
        List<ProcessingStep> open = steps.stream().filter(ProcessingStep::open).toList();
        if (open.isEmpty()) {
            return false;
        }
        Duration needed = Duration.ZERO;
        for (ProcessingStep s : open) {
            long left = Math.max(0, calendar.workingTimeBetween(now, s.dueAt()).minutes());
            needed = needed.plusMinutes(Math.max(left, 0));
        }
        Optional<RouteVersion> route;
        try {
            route = routes.byProcessDefinition(d.processDefinitionId());
        } catch (RuntimeException e) {
            route = Optional.empty();
        }
        if (route.isPresent()) {
            Set<String> current = new LinkedHashSet<>(open.stream().map(ProcessingStep::activityId).toList());
            List<RouteStep> path = route.get().steps();
            int last = -1;
            for (int i = 0; i < path.size(); i++) {
                if (current.contains(path.get(i).activityId())) {
                    last = i;
                }
            }
            for (int i = last + 1; last >= 0 && i < path.size(); i++) {
                if (path.get(i).workingTime() != null) {
                    needed = needed.plus(path.get(i).workingTime());
                }
            }
        }
        Instant finish = calendar.addWorkingTime(now, needed).toInstant();
        return finish.isAfter(dossierClock.dueAt()) || now.isAfter(dossierClock.dueAt());
    }

    /** Every step of the dossier, oldest first (for the control sheet), with comments ordered by time. */
    List<ProcessingStep> history(UUID dossierId) {
        return store.steps(dossierId).stream().sorted(Comparator.comparingInt(ProcessingStep::seq)).toList();
    }
}
