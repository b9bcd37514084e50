package vn.gov.egov.lgsp.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A consumer's right for one operation of a service: {@code *} (the whole service), {@code METHOD /path/pattern}
 * (a {@code *} segment matches one segment, a last {@code **} the rest) or a SOAP operation name. Revoked when
 * {@code revokedAt} is set.
 */
public record AccessRight(
        UUID id,
        UUID consumerId,
        String consumer,
        UUID serviceId,
        ServiceAddress service,
        String operation,
        UUID requestId,
        String grantedBy,
        Instant grantedAt,
        String revokedBy,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
