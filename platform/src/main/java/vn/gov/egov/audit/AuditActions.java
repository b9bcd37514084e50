package vn.gov.egov.audit;

/** The actions the platform records, so that auditors can search for one name everywhere. Modules may add their own. */
public final class AuditActions {

    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGOUT = "LOGOUT";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String PERMISSION_CHANGED = "PERMISSION_CHANGED";
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";

    private AuditActions() {
    }
}
