package vn.gov.egov.procedure;

/** How a dossier may be submitted. */
public enum Channel {
    ONLINE, IN_PERSON, BY_POST
}
