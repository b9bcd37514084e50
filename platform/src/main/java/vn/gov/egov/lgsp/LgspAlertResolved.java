package vn.gov.egov.lgsp;

import java.time.Instant;
import java.util.UUID;

/**
 * Published by the LGSP's monitoring when an alert resolves (its condition cleared), by the node that resolved it
 * (once per alert across nodes), in the transaction that records it. The fields are those of {@link LgspAlertRaised};
 * {@code detail} is the last measurement while it was open.
 *
 * @param openedAt when it opened
 * @param at       when it resolved
 * @param node     the node that resolved it
 */
public record LgspAlertResolved(UUID alertId, String kind, String kindName, String key, String subject, String detail,
                                Instant openedAt, Instant at, String node) {
}
