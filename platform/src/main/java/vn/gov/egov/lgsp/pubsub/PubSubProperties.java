package vn.gov.egov.lgsp.pubsub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of publish/subscribe ({@code egov.lgsp.pubsub.*}).
 *
 * @param backend         {@code postgres} (default: outbox and queues in the platform's database) or {@code kafka}
 * @param workers         whether this node delivers (push) and relays; a node may publish only
 * @param pollInterval    how often an idle delivery worker looks for work
 * @param deliveryThreads subscriptions delivered at the same time on this node
 * @param batchSize       events per webhook call (a JSON array) and per pull
 * @param maxAttempts     failed deliveries of an event before it becomes a dead letter
 * @param retryDelay      the first retry's delay; each next one doubles, with jitter, up to {@code maxRetryDelay}
 * @param maxRetryDelay   the longest wait between two attempts
 * @param webhookTimeout  how long a webhook may take to answer
 * @param lease           how long a pushed or pulled event stays reserved before it is offered again (pull: the
 *                        visibility timeout)
 * @param maxPublishBatch events accepted in one batch publish
 * @param kafka           the Kafka backend's broker ({@code bootstrap-servers}) and topic prefix
 */
@ConfigurationProperties("egov.lgsp.pubsub")
record PubSubProperties(@DefaultValue("postgres") String backend,
                        @DefaultValue("true") boolean workers,
                        @DefaultValue("100ms") Duration pollInterval,
                        @DefaultValue("4") int deliveryThreads,
                        @DefaultValue("200") int batchSize,
                        @DefaultValue("8") int maxAttempts,
                        @DefaultValue("1s") Duration retryDelay,
                        @DefaultValue("10m") Duration maxRetryDelay,
                        @DefaultValue("10s") Duration webhookTimeout,
                        @DefaultValue("30s") Duration lease,
                        @DefaultValue("1000") int maxPublishBatch,
                        @DefaultValue Kafka kafka) {

    record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, @DefaultValue("lgsp.") String topicPrefix) {
    }

    /** The delay before attempt {@code attempt + 1} after {@code attempt} failed: exponential, full jitter above half. */
    Duration backoff(int attempt) {
        long base = retryDelay.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(maxRetryDelay.toMillis(), base);
        return Duration.ofMillis(capped / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
