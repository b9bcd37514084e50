package vn.gov.egov.route;

import java.util.Map;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The decision service task of routes ({@code flowable:delegateExpression="${routeDecisions}"}): evaluates the DMN
 * table named by the task's {@code egov:decision} attribute, latest published version, with the process variables, and
 * sets its outputs as process variables. When no rule matches (or several match a UNIQUE table) it throws
 * {@link RouteDecisionFailed}: the process does not start (the task follows the start event in the same transaction),
 * so the caller sees the reason instead of a dossier routed to nobody.
 */
@Component("routeDecisions")
class RouteDecisions implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RouteDecisions.class);

    private final ManagingDecisions decisions;

    RouteDecisions(ManagingDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowElement task = execution.getCurrentFlowElement();
        String key = task.getAttributeValue(Routes.NAMESPACE, "decision");
        if (key == null || key.isBlank()) {
            throw new RouteDecisionFailed(null, "Tác vụ quyết định '%s' thiếu thuộc tính egov:decision".formatted(task.getId()));
        }
        Map<String, Object> outputs;
        try {
            outputs = decisions.evaluate(key.strip(), execution.getVariables());
        } catch (DecisionTable.Unmatched | IllegalArgumentException e) {
            throw new RouteDecisionFailed(key.strip(), e.getMessage());
        }
        LOG.debug("Decision {} in process {} set {}", key, execution.getProcessInstanceId(), outputs.keySet());
        execution.setVariables(outputs);
    }
}
