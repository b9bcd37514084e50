package vn.gov.egov.lgsp.registry;

import java.util.UUID;

/**
 * A member's system that calls services (or publishes or subscribes to events), known to the province's SSO by
 * {@code clientId} (OAuth 2 client credentials).
 */
public record ConsumerSystem(UUID id, String member, String subsystem, String clientId) {

    /** {@code member/subsystem}, as the message log and monitoring name it. */
    public String name() {
        return member + "/" + subsystem;
    }
}
