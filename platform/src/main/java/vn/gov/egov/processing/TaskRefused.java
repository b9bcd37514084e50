package vn.gov.egov.processing;

/**
 * An action on a task or dossier refused, nothing applied. {@link #reason()} gives the answer's status:
 * not the holder or not permitted (403), already done by someone else or a state that does not allow it (409), a
 * decision or value that is wrong (422), unknown (404).
 */
class TaskRefused extends RuntimeException {

    enum Reason { FORBIDDEN, CONFLICT, INVALID, NOT_FOUND }

    private final Reason reason;
    private final String rule;

    TaskRefused(Reason reason, String rule, String message) {
        super(message);
        this.reason = reason;
        this.rule = rule;
    }

    Reason reason() {
        return reason;
    }

    String rule() {
        return rule;
    }
}
