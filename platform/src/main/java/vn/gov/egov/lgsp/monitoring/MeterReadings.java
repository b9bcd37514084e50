package vn.gov.egov.lgsp.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What the gateway, pub/sub and the message log publish as Micrometer gauges on this node, read by name and tags (no
 * compile dependency on those parts). Names and tags are the shared contract of the LGSP.
 */
@Component
class MeterReadings {

    static final String QUOTA = "lgsp.gateway.quota.used";
    static final String CIRCUIT = "lgsp.gateway.circuit.open";
    static final String BACKLOG = "lgsp.pubsub.backlog";
    static final String LAG = "lgsp.pubsub.lag.seconds";
    static final String DEAD_LETTERS = "lgsp.pubsub.dead_letters";
    static final String LOG_QUEUE_FILL = "lgsp.messagelog.queue.fill";

    /** One subscription's delivery state (per event type). */
    record Subscription(String subscription, String eventType, long backlog, double lagSeconds, long deadLetters) {
    }

    private final MeterRegistry meters;

    MeterReadings(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The highest quota use (0..1) per service, over its consumers. */
    Map<String, Double> quotaByService() {
        return maxBy(QUOTA, "service");
    }

    /** The highest quota use (0..1) per consumer, over the services it calls. */
    Map<String, Double> quotaByConsumer() {
        return maxBy(QUOTA, "consumer");
    }

    /** Whether each provider's circuit is open ({@code member/subsystem} → open). */
    Map<String, Boolean> circuits() {
        Map<String, Boolean> circuits = new TreeMap<>();
        for (Gauge gauge : meters.find(CIRCUIT).gauges()) {
            String provider = gauge.getId().getTag("provider");
            if (provider != null && Double.isFinite(gauge.value())) {
                circuits.merge(provider, gauge.value() >= 1, Boolean::logicalOr);
            }
        }
        return circuits;
    }

    List<Subscription> subscriptions() {
        Map<String, double[]> values = new TreeMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        String[] metrics = {BACKLOG, LAG, DEAD_LETTERS};
        for (int i = 0; i < metrics.length; i++) {
            for (Gauge gauge : meters.find(metrics[i]).gauges()) {
                String subscription = gauge.getId().getTag("subscription");
                String eventType = gauge.getId().getTag("event_type");
                if (subscription == null || !Double.isFinite(gauge.value())) {
                    continue;
                }
                String key = subscription + "\u0000" + eventType;
                names.putIfAbsent(key, new String[] {subscription, eventType});
                double[] v = values.computeIfAbsent(key, k -> new double[3]);
                v[i] = Math.max(v[i], gauge.value());
            }
        }
        List<Subscription> result = new ArrayList<>();
        values.forEach((key, v) -> result.add(new Subscription(names.get(key)[0], names.get(key)[1], (long) v[0], v[1],
                (long) v[2])));
        return result;
    }

    /** The message log's queue fill (0..1, above 1 when over capacity) per node tag. */
    Map<String, Double> messageLogQueueFill() {
        Map<String, Double> fill = new TreeMap<>();
        for (Gauge gauge : meters.find(LOG_QUEUE_FILL).gauges()) {
            String node = gauge.getId().getTag("node");
            if (node != null && Double.isFinite(gauge.value())) {
                fill.merge(node, gauge.value(), Math::max);
            }
        }
        return fill;
    }

    private Map<String, Double> maxBy(String name, String tag) {
        Map<String, Double> result = new TreeMap<>();
        for (Gauge gauge : meters.find(name).gauges()) {
            String key = gauge.getId().getTag(tag);
            if (key != null && Double.isFinite(gauge.value())) {
                result.merge(key, gauge.value(), Math::max);
            }
        }
        return result;
    }
}
