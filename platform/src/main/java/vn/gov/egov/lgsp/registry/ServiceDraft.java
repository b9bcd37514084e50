package vn.gov.egov.lgsp.registry;

import java.time.Duration;

/**
 * What registering a service (or a new version of one) takes. The provider member and subsystem are named in
 * {@code address}; {@code endpoint} is the provider's internal base URL (absolute http/https, no user-info, no
 * fragment); {@code document} the OpenAPI 3.x text (JSON or YAML) for REST or the WSDL for SOAP (may be null in
 * draft). Start from {@link #of} and adjust with the {@code with...} methods.
 */
public record ServiceDraft(
        ServiceAddress address,
        Protocol protocol,
        String name,
        String description,
        String owner,
        SecurityLevel securityLevel,
        String sla,
        String endpoint,
        String document,
        boolean logBodies,
        Duration timeout,
        int ratePerSecond,
        int burst,
        long maxRequestBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RATE = 50;
    public static final int DEFAULT_BURST = 100;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** The smallest valid OpenAPI 3 description, e.g. for tests: a title, a version and no paths. */
    public static String minimalOpenApi(String title) {
        return "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"" + title.replace("\\", "").replace("\"", "")
                + "\", \"version\": \"1\"}, \"paths\": {}}";
    }

    /** An internal service with the default limits (30 s, 50 calls/s, burst 100, 1 MiB), no bodies logged. */
    public static ServiceDraft of(ServiceAddress address, Protocol protocol, String name, String endpoint) {
        return new ServiceDraft(address, protocol, name, "", "", SecurityLevel.INTERNAL, "", endpoint, null, false,
                DEFAULT_TIMEOUT, DEFAULT_RATE, DEFAULT_BURST, DEFAULT_MAX_REQUEST_BYTES);
    }

    public ServiceDraft withDescription(String description, String owner, String sla) {
        return new ServiceDraft(address, protocol, name, description, owner, securityLevel, sla, endpoint, document,
                logBodies, timeout, ratePerSecond, burst, maxRequestBytes);
    }

    public ServiceDraft withDocument(String document) {
        return new ServiceDraft(address, protocol, name, description, owner, securityLevel, sla, endpoint, document,
                logBodies, timeout, ratePerSecond, burst, maxRequestBytes);
    }

    public ServiceDraft withSecurity(SecurityLevel securityLevel, boolean logBodies) {
        return new ServiceDraft(address, protocol, name, description, owner, securityLevel, sla, endpoint, document,
                logBodies, timeout, ratePerSecond, burst, maxRequestBytes);
    }

    public ServiceDraft withLimits(Duration timeout, int ratePerSecond, int burst, long maxRequestBytes) {
        return new ServiceDraft(address, protocol, name, description, owner, securityLevel, sla, endpoint, document,
                logBodies, timeout, ratePerSecond, burst, maxRequestBytes);
    }

    public ServiceDraft withEndpoint(String endpoint) {
        return new ServiceDraft(address, protocol, name, description, owner, securityLevel, sla, endpoint, document,
                logBodies, timeout, ratePerSecond, burst, maxRequestBytes);
    }
}
