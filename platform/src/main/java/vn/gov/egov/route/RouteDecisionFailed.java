package vn.gov.egov.route;

import org.flowable.common.engine.api.FlowableException;

/**
 * A route's decision could not be made: no rule of the decision table matched the dossier's data (or several matched
 * a UNIQUE table), or the table does not exist. Thrown out of the process engine when processing starts a dossier's
 * process; the message is Vietnamese and names the table and its inputs (never their values).
 */
public class RouteDecisionFailed extends FlowableException {

    private final String decisionKey;

    public RouteDecisionFailed(String decisionKey, String message) {
        super(message);
        this.decisionKey = decisionKey;
    }

    /** The decision table's key, {@code null} when the task named none. */
    public String decisionKey() {
        return decisionKey;
    }
}
