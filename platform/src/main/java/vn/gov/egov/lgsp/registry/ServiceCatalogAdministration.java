package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry's acts: members, their systems, services and their lifecycle, access requests and rights. Each change
 * is audited, bumps {@link ServiceRegistry#generation()} and is visible to {@link ServiceRegistry} as soon as it
 * commits. Refusals are {@link RegistryRejected} (field and rule); acts the current user may not do throw Spring
 * Security's {@code AccessDeniedException}.
 * <p>
 * Who may act: the authenticated user of the current thread. LGSP operators ({@code LGSP_OPERATOR}) may do
 * everything; an agency administrator may register systems of their agency's member, link their clients, request
 * access for them, and decide on requests for services of their agency (never for national members). Called without
 * an authenticated user (start-up, seed data, other modules' jobs, tests), the platform itself acts.
 */
public interface ServiceCatalogAdministration {

    /** Registers a member; {@code agencyCode} must be in the shared agencies catalog (required for a provincial agency). */
    RegistryMember registerMember(String code, String name, MemberKind kind, String agencyCode);

    /** Registers a member's system; {@code clientId} (SSO client-credentials client) may be null. */
    RegistrySubsystem registerSubsystem(String member, String code, String name, String clientId);

    /** Links a system to an SSO client (null unlinks). A client belongs to at most one system. */
    RegistrySubsystem linkClient(UUID subsystemId, String clientId);

    /**
     * Registers a TLS client certificate (PEM; the first of a chain) for a system: from then on the gateway accepts the
     * system's calls only over TLS with one of its registered certificates. Refused when expired, unreadable, with a
     * private key, or already registered for a system.
     */
    ClientCertificate registerClientCertificate(UUID subsystemId, String pem);

    /** Removes a registered client certificate, with the reason; without any left, the system calls without one. */
    ClientCertificate removeClientCertificate(UUID certificateId, String reason);

    /** The system's registered (not removed) client certificates, oldest first. */
    List<ClientCertificate> clientCertificates(UUID subsystemId);

    /** Registers a service or a new version of one; it starts in {@link ServiceState#DRAFT}. */
    RegisteredService registerService(ServiceDraft draft);

    /**
     * Changes what a service says and how it is reached: name, description, owner, classification, SLA, endpoint,
     * description document, body logging and limits. Its address and protocol stay (a new version is a new
     * registration); a retired service is not changed; a published or deprecated one keeps a valid document.
     */
    RegisteredService updateService(UUID serviceId, ServiceDraft draft);

    /**
     * Moves a service along draft → testing → published → deprecated → retired (forward only; testing → draft too),
     * with a reason; publishing needs a valid description document.
     */
    RegisteredService changeState(UUID serviceId, ServiceState to, String reason);

    /**
     * A consumer system asks for a service: {@code operations} is {@code ["*"]} for the whole service, else
     * {@code "METHOD /path"} patterns (REST) or operation names (SOAP). Refused for retired services.
     */
    AccessRequest requestAccess(UUID consumerId, UUID serviceId, List<String> operations, String purpose);

    /** The provider approves: every requested operation becomes a right. */
    AccessRequest approve(UUID requestId, String note);

    /** The provider refuses, with the reason. */
    AccessRequest refuse(UUID requestId, String reason);

    /** Revokes a right at once. */
    AccessRight revoke(UUID rightId, String reason);

    /** Request and approval in one act (an operator's, or the platform's own seed data). */
    List<AccessRight> grant(UUID consumerId, UUID serviceId, List<String> operations, String purpose);

    Optional<RegistryMember> member(String code);

    Optional<RegistrySubsystem> subsystem(String member, String code);

    Optional<RegisteredService> service(UUID id);

    Optional<RegisteredService> service(ServiceAddress address);

    /** Rights of a consumer, active and revoked, latest first. */
    List<AccessRight> rights(UUID consumerId);

    /** Every member, by code (for other parts' pages; not filtered by the current user). */
    List<RegistryMember> members();

    /** Every system, by member and code. */
    List<RegistrySubsystem> subsystems();

    /** Every service in every state, by address (with the internal endpoint: never show it to the public). */
    List<RegisteredService> services();

    /** Access requests in a state (null: all), latest first. */
    List<AccessRequest> accessRequests(AccessRequestState state);
}
