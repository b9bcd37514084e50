package vn.gov.egov.lgsp.registry;

import java.util.UUID;

/** A member's system (X-Road's subsystem): provides services and/or calls them with its SSO client ({@code clientId}, may be null). */
public record RegistrySubsystem(UUID id, UUID memberId, String member, String code, String name, String clientId) {

    /** {@code member/subsystem}. */
    public String path() {
        return member + "/" + code;
    }
}
