package vn.gov.egov.processing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.identitylink.service.impl.persistence.entity.IdentityLinkEntity;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.egov.database.TransactionMemory;

/**
 * The user tasks the process engine opens in the current transaction, told by the engine as it opens them (with the
 * candidate groups it resolved), so that {@link RecordingSteps} turns them into steps without asking the engine again
 * (a task query, then each task and its identity links). A task completed or deleted in the same transaction before
 * it is recorded is forgotten. The list belongs to the transaction and is dropped when it ends, committed or rolled
 * back; outside a transaction nothing is kept and the recorder asks the engine.
 */
final class NewTasks implements FlowableEventListener {

    /** A user task as the engine opened it. */
    record NewTask(String id, String processInstanceId, String processDefinitionId, String taskDefinitionKey, String name,
                   Instant createdAt, String assignee, String candidateGroup) {
    }

    /** The tasks opened in the current transaction and not taken yet. */
    private final TransactionMemory<List<NewTask>> opened = new TransactionMemory<>(() -> new ArrayList<>(2));

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof TaskEntity task)) {
            return;
        }
        if (event.getType() == FlowableEngineEventType.TASK_CREATED) {
            opened.current().ifPresent(tasks -> tasks.add(new NewTask(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                    task.getTaskDefinitionKey(), task.getName(), task.getCreateTime().toInstant(), task.getAssignee(), candidateGroup(task))));
        } else {
            // completed or deleted before it was recorded: not open any more
            opened.existing().ifPresent(tasks -> tasks.removeIf(t -> t.id().equals(task.getId())));
        }
    }

    private static String candidateGroup(TaskEntity task) {
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                return link.getGroupId();
            }
        }
        return null;
    }

    /**
     * The tasks of this process instance opened in the current transaction and not yet taken, in the order the engine
     * opened them; they are taken (a second call returns none). Empty when there is no transaction to know it from.
     */
    Optional<List<NewTask>> take(String processInstanceId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        List<NewTask> taken = new ArrayList<>(1);
        opened.existing().ifPresent(tasks -> {
            for (Iterator<NewTask> it = tasks.iterator(); it.hasNext(); ) {
                NewTask task = it.next();
                if (task.processInstanceId().equals(processInstanceId)) {
                    taken.add(task);
                    it.remove();
                }
            }
        });
        return Optional.of(taken);
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
