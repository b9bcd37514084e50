package vn.gov.egov.lgsp.pubsub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes events older than {@code egov.lgsp.pubsub.retention} (default 7 days) that no subscription still has to
 * receive (and, with Kafka, that were relayed). The idempotency key of a removed event may be used again: publishers
 * must not repeat a key after the retention.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final java.time.Duration retention;

    OutboxRetention(JdbcClient jdbc, @Value("${egov.lgsp.pubsub.retention:P7D}") java.time.Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(cron = "${egov.lgsp.pubsub.purge-cron:0 45 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void purge() {
        int removed = jdbc.sql("""
                DELETE FROM lgsp_pubsub_event e
                WHERE e.published_at < now() - make_interval(secs => :seconds) AND e.relayed_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM lgsp_pubsub_delivery d WHERE d.event_seq = e.seq)""")
                .param("seconds", (double) retention.toSeconds()).update();
        if (removed > 0) {
            log.info("LGSP pub/sub: {} events older than {} removed", removed, retention);
        }
    }
}
