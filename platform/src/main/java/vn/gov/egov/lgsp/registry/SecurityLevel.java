package vn.gov.egov.lgsp.registry;

/**
 * Data classification of a service (and of its message log): decides whether bodies may be logged, how they are
 * sealed and how long the log is kept (retention per level is configuration of the message log).
 */
public enum SecurityLevel {
    /** Open data. */
    PUBLIC,
    /** For the state's own systems (default). */
    INTERNAL,
    /** Personal data or restricted information. */
    CONFIDENTIAL
}
