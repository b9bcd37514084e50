package vn.gov.egov.processing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps past their due time (not waiting for supplements) alert the unit's head once: the division head of the step's
 * division, else the agency's leader. The alert shows on their work queue and is published as {@link StepOverdue}.
 */
@Component
class OverdueSteps {

    private static final Logger log = LoggerFactory.getLogger(OverdueSteps.class);
    private static final int BATCH = 500;

    private final ProcessingStore store;
    private final StepClock clock;
    private final ApplicationEventPublisher events;
    private final GroupNames groupNames;

    OverdueSteps(ProcessingStore store, StepClock clock, ApplicationEventPublisher events, GroupNames groupNames) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.groupNames = groupNames;
    }

    @Scheduled(cron = "${egov.processing.overdue-cron:0 */10 * * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        int raised = raiseAlerts(Instant.now());
        if (raised > 0) {
            log.info("{} overdue processing steps alerted", raised);
        }
    }

    /** Raises the alerts due at {@code now}; returns how many were new. */
    @Transactional
    public int raiseAlerts(Instant now) {
        int raised = 0;
        List<ProcessingStep> overdue = store.overdue(now, BATCH);
        for (ProcessingStep step : overdue) {
            String code = store.dossier(step.dossierId()).map(ProcessingStore.ProcessedDossier::code).orElse("?");
            String head = Groups.headOf(step.candidateGroup());
            if (head == null) {
                continue;
            }
            String holder = step.assignee() == null ? "chưa có người nhận" : WorkingOnTasks.display(step.assigneeName(), step.assignee());
            String groupName = groupNames.of(step.candidateGroup());
            String message = "Hồ sơ %s: bước \"%s\" (%s) quá hạn từ %s; %s".formatted(code, step.name(), groupName,
                    StepTexts.time(step.dueAt()), clock.timeLeft(step, now).text().toLowerCase(java.util.Locale.ROOT)
                            + ", người xử lý: " + holder);
            if (store.raiseAlert(new ProcessingStore.Alert(UUID.randomUUID(), step.id(), step.dossierId(), code, head, message,
                    step.dueAt(), now))) {
                events.publishEvent(new StepOverdue(step.id(), step.dossierId(), code, step.name(), step.candidateGroup(), step.assignee(),
                        step.dueAt(), head, now, groupName));
                raised++;
            }
        }
        return raised;
    }
}
