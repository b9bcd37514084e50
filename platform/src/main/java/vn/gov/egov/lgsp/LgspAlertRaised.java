package vn.gov.egov.lgsp;

import java.time.Instant;
import java.util.UUID;

/**
 * Published by the LGSP's monitoring when an alert opens, by the node that opened it (once per alert across nodes),
 * in the transaction that records it.
 *
 * @param alertId  the alert's id (its history on {@code /lgsp/monitoring})
 * @param kind     {@code CIRCUIT_OPEN}, {@code PROVIDER_ERRORS}, {@code SUBSCRIPTION_BACKING_UP} or
 *                 {@code MESSAGE_LOG_QUEUE}
 * @param kindName the kind in Vietnamese
 * @param key      what it is about: {@code provider:<member/subsystem>}, {@code circuit:<member/subsystem>@<node>},
 *                 {@code subscription:<name>/<event type>}, {@code message-log-queue@<node>}
 * @param subject  the provider, subscription or node concerned
 * @param detail   what was measured, in Vietnamese
 * @param at       when it opened
 * @param node     the node that opened it
 */
public record LgspAlertRaised(UUID alertId, String kind, String kindName, String key, String subject, String detail,
                              Instant at, String node) {
}
