package vn.gov.egov.audit;

/** How an audited act ended. */
public enum Outcome {
    /** Done as asked. */
    SUCCESS,
    /** Attempted and failed, e.g. a wrong password or a refused change. */
    FAILURE,
    /** Refused because the user lacks the permission. */
    DENIED
}
