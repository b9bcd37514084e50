package vn.gov.egov.lgsp.registry;

/** A service's (or an event type's) lifecycle: draft → testing → published → deprecated → retired. */
public enum ServiceState {
    DRAFT, TESTING, PUBLISHED, DEPRECATED, RETIRED;

    /** Consumers with a right may call it: in testing (for trials), published, or deprecated (until retired). */
    public boolean callable() {
        return this == TESTING || this == PUBLISHED || this == DEPRECATED;
    }
}
