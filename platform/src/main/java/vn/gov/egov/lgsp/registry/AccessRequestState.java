package vn.gov.egov.lgsp.registry;

/** An access request waits for the provider's decision, then is approved (rights granted) or refused. */
public enum AccessRequestState {
    PENDING, APPROVED, REFUSED
}
