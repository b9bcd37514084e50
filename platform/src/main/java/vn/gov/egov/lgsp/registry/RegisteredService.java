package vn.gov.egov.lgsp.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered service as operators see it (the internal {@code endpoint} included: never show this record to the
 * public; the public catalog has its own view). {@code providerName}/{@code subsystemName} are display names.
 */
public record RegisteredService(
        UUID id,
        ServiceAddress address,
        Protocol protocol,
        String name,
        String description,
        String owner,
        SecurityLevel securityLevel,
        String sla,
        String endpoint,
        boolean hasDocument,
        ServiceState state,
        boolean logBodies,
        Duration timeout,
        int ratePerSecond,
        int burst,
        long maxRequestBytes,
        String providerName,
        String subsystemName,
        Instant updatedAt) {
}
