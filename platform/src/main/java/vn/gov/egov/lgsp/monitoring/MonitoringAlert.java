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
        /** A provider's circuit is open on a node (only that node resolves it). */
        CIRCUIT_OPEN("Bộ ngắt mạch mở"),
        /** A provider fails a share of its calls (cluster-wide, from the message log). */
        PROVIDER_ERRORS("Bên cung cấp lỗi nhiều"),
        /** A subscription's backlog or delivery lag is above its threshold. */
        SUBSCRIPTION_BACKING_UP("Đăng ký ứ đọng"),
        /** The message log's queue on a node is filling up (only that node resolves it). */
        MESSAGE_LOG_QUEUE("Nhật ký thông điệp ghi chậm");

        private final String vietnameseName;

        Kind(String vietnameseName) {
            this.vietnameseName = vietnameseName;
        }

        /** As the monitoring page names it ({@code lgsp.mon.alert.<KIND>}), for texts outside pages (e-mails). */
        String vietnameseName() {
            return vietnameseName;
        }
    }

    boolean open() {
        return resolvedAt == null;
    }
}
