package vn.gov.egov.procedure;

/** How much of a procedure can be done online: the whole process, part of it, or none. */
public enum OnlineLevel {
    FULL_PROCESS, PARTIAL, NONE
}
