package vn.gov.egov.lgsp.registry;

import java.util.Optional;

/**
 * What the gateway and pub/sub ask the registry on each call; answers come from memory and are refreshed when the
 * registry changes ({@link #generation()} grows with every change on any node).
 */
public interface ServiceRegistry {

    /** The service at this address in any state (the gateway tells "unknown" from "not callable"). */
    Optional<ProviderService> service(ServiceAddress address);

    /** A registered system by its member's code and its own code (e.g. the owner of an event type). */
    Optional<ConsumerSystem> system(String member, String subsystem);

    /** The system an SSO client id belongs to, when it is registered. */
    Optional<ConsumerSystem> consumerByClientId(String clientId);

    /**
     * Whether the consumer holds a right for this operation: an operation is the HTTP method and the path beneath
     * the service (for SOAP, the SOAP operation name); a right is for the whole service or for named operations.
     */
    boolean mayCall(ConsumerSystem consumer, ProviderService service, String method, String operationPath);

    /**
     * The TLS client certificates registered for the system (mutual TLS): empty when it calls without one; else the
     * gateway accepts its calls only with one of these presented.
     */
    default java.util.List<ClientCertificate> clientCertificates(ConsumerSystem consumer) {
        return java.util.List.of();
    }

    /** Grows with every change to services, systems, rights or client certificates. */
    long generation();
}
