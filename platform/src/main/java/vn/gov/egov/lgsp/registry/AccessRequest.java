package vn.gov.egov.lgsp.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consumer system's request for a service: the whole service ({@code ["*"]}) or named operations
 * ({@code "GET /citizens/*"}, or SOAP operation names), with the purpose; then the provider's decision.
 */
public record AccessRequest(
        UUID id,
        UUID consumerId,
        String consumer,
        UUID serviceId,
        ServiceAddress service,
        List<String> operations,
        String purpose,
        AccessRequestState state,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decision) {

    public AccessRequest {
        operations = List.copyOf(operations);
    }
}
