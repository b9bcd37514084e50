package vn.gov.egov.lgsp.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert from opening to resolution.
 *
 * @param key     what it is about: {@code provider:<member/subsystem>}, {@code circuit:<member/subsystem>@<node>},
 *                {@code subscription:<name>/<event type>}, {@code message-log-queue@<node>}
 * @param kind    {@link Kind}
 * @param subject the provider, subscription or node concerned
 * @param detail  what was measured, in Vietnamese
 */
record MonitoringAlert(UUID id, String key, Kind kind, String subject, String detail, Instant openedAt,
                       String openedBy, Instant resolvedAt, String resolvedBy) {

    enum Kind {
        /** A provider's circuit is open on a node. */
        CIRCUIT_OPEN(true),
        /** A provider fails a share of its calls (cluster-wide, from the message log). */
        PROVIDER_ERRORS(false),
        /** A subscription's backlog or delivery lag is above its threshold. */
        SUBSCRIPTION_BACKING_UP(false),
        /** The message log's queue on a node is filling up. */
        MESSAGE_LOG_QUEUE(true);

        /** Whether the condition is a node's own (only that node resolves it). */
        final boolean perNode;

        Kind(boolean perNode) {
            this.perNode = perNode;
        }
    }

    boolean open() {
        return resolvedAt == null;
    }
}
