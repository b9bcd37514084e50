package vn.gov.egov.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.interceptor.IdentityLinkInterceptor;
import org.flowable.identitylink.service.impl.persistence.entity.IdentityLinkEntity;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process engine as the platform uses it. Who took part in a dossier is kept in {@code processing_step} (the
 * control sheet), so the engine does not also write a "participant" identity link on the process instance for every
 * claim, assignment and completion (two reads and a write each, deleted again when the process ends); nothing asks the
 * engine for a process instance's participants. The tasks' own candidate and assignee links stay.
 */
@Configuration(proxyBeanMethods = false)
class EngineSettings {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> noParticipantLinks() {
        return configuration -> configuration.setIdentityLinkInterceptor(new NoParticipantLinks());
    }

    @Bean
    NewTasks newTasks() {
        return new NewTasks();
    }

    /** The engine tells {@link NewTasks} of the user tasks it opens, completes or deletes. */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> newTasksListener(NewTasks newTasks) {
        return configuration -> {
            Map<String, List<FlowableEventListener>> typed = new HashMap<>();
            if (configuration.getTypedEventListeners() != null) {
                typed.putAll(configuration.getTypedEventListeners());
            }
            String types = String.join(",", FlowableEngineEventType.TASK_CREATED.name(), FlowableEngineEventType.TASK_COMPLETED.name(),
                    FlowableEngineEventType.ENTITY_DELETED.name());
            typed.merge(types, List.of(newTasks), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            configuration.setTypedEventListeners(typed);
        };
    }

    static final class NoParticipantLinks implements IdentityLinkInterceptor {

        @Override
        public void handleCompleteTask(TaskEntity task) {
            // no participant link on the process instance
        }

        @Override
        public void handleAddIdentityLinkToTask(TaskEntity task, IdentityLinkEntity link) {
            // the task's own link is written by the engine; none on the process instance
        }

        @Override
        public void handleAddAssigneeIdentityLinkToTask(TaskEntity task, String assignee) {
            // no participant link on the process instance
        }

        @Override
        public void handleAddOwnerIdentityLinkToTask(TaskEntity task, String owner) {
            // no participant link on the process instance
        }

        @Override
        public void handleCreateProcessInstance(ExecutionEntity processInstance) {
            // no starter link: the dossier module knows who submitted the dossier
        }

        @Override
        public void handleCreateSubProcessInstance(ExecutionEntity subProcessInstance, ExecutionEntity superExecution) {
            // no starter link
        }
    }
}
