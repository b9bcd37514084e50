package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import java.util.UUID;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceState;

/** An event type, registered like a service: owner system, code, version, its JSON Schema and lifecycle. */
record EventType(UUID id, String member, String subsystem, String code, String version, String name,
                 String description, String jsonSchema, SecurityLevel securityLevel, ServiceState state,
                 Instant createdAt, Instant updatedAt) {

    /** {@code member/subsystem/code/version}, as the API path, the message log and the meters name it. */
    public String path() {
        return member + "/" + subsystem + "/" + code + "/" + version;
    }

    public String owner() {
        return member + "/" + subsystem;
    }
}
