package vn.gov.egov.lgsp.pubsub;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queue meters per subscription and event type (read by monitoring): {@code lgsp.pubsub.backlog} (events waiting),
 * {@code lgsp.pubsub.lag.seconds} (age of the oldest waiting one), {@code lgsp.pubsub.dead_letters}. Refreshed from
 * the queues every few seconds. With the Kafka backend the push backlog is the consumer groups' lag, not counted here.
 */
@Component
class PubSubMeters {

    private final DeliveryQueue queue;
    private final MultiGauge backlog;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;

    PubSubMeters(DeliveryQueue queue, MeterRegistry meters) {
        this.queue = queue;
        this.backlog = MultiGauge.builder("lgsp.pubsub.backlog").description("Events waiting for a subscriber").register(meters);
        this.lag = MultiGauge.builder("lgsp.pubsub.lag.seconds").description("Age of the oldest event waiting").baseUnit("seconds")
                .register(meters);
        this.deadLetters = MultiGauge.builder("lgsp.pubsub.dead_letters").description("Dead letters kept").register(meters);
    }

    @Scheduled(fixedDelayString = "${egov.lgsp.pubsub.meters-interval:PT5S}", initialDelayString = "PT2S")
    void refresh() {
        List<DeliveryQueue.QueueStats> stats = queue.stats();
        backlog.register(stats.stream().map(s -> MultiGauge.Row.of(tags(s), s.waiting())).toList(), true);
        lag.register(stats.stream().map(s -> MultiGauge.Row.of(tags(s), s.oldestSeconds())).toList(), true);
        deadLetters.register(stats.stream().map(s -> MultiGauge.Row.of(tags(s), s.dead())).toList(), true);
    }

    private static Tags tags(DeliveryQueue.QueueStats s) {
        return Tags.of("subscription", s.subscription().toString(), "event_type", s.eventType());
    }
}
