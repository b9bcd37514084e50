package vn.gov.egov.lgsp.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.egov.lgsp.messagelog.CallFigures;
import vn.gov.egov.lgsp.messagelog.CallStatistics;

/**
 * The monitoring figures: calls, errors and latency cluster-wide from the message log; quota use and circuits of this
 * node from the gateway's gauges; subscriptions from pub/sub's gauges.
 */
@Component
class MonitoringOverview {

    /** The windows the pages and API offer. */
    enum Window {
        M15("15m", Duration.ofMinutes(15), "15 phút"),
        H1("1h", Duration.ofHours(1), "1 giờ"),
        H24("24h", Duration.ofHours(24), "24 giờ");

        final String parameter;
        final Duration duration;
        final String vietnamese;

        Window(String parameter, Duration duration, String vietnamese) {
            this.parameter = parameter;
            this.duration = duration;
            this.vietnamese = vietnamese;
        }

        public String parameter() {
            return parameter;
        }

        public String vietnamese() {
            return vietnamese;
        }

        static Window of(String parameter) {
            if (parameter == null || parameter.isBlank()) {
                return M15;
            }
            for (Window w : values()) {
                if (w.parameter.equals(parameter.strip())) {
                    return w;
                }
            }
            return null;
        }
    }

    /**
     * A service's figures. Latencies in milliseconds.
     *
     * @param quotaUse the highest use of a consumer's quota on this service (0..1), null when unknown
     * @param circuit  {@code open}, {@code closed}, or {@code unknown} when the gateway has not published it
     */
    record ServiceStatus(String service, String provider, long calls, long gatewayErrors, long providerErrors,
                         double errorRate, double p50Millis, double p95Millis, double p99Millis,
                         double providerP50Millis, double providerP95Millis, double providerP99Millis,
                         long requestBytes, long responseBytes, Double quotaUse, String circuit) {
    }

    record ConsumerStatus(String consumer, long calls, long gatewayErrors, long providerErrors, double errorRate,
                          double p50Millis, double p95Millis, double p99Millis, long requestBytes, long responseBytes,
                          Double quotaUse) {
    }

    record SubscriptionStatus(String subscription, String eventType, long backlog, double lagSeconds,
                              long deadLetters) {
    }

    private final CallStatistics statistics;
    private final MeterReadings readings;

    MonitoringOverview(CallStatistics statistics, MeterReadings readings) {
        this.statistics = statistics;
        this.readings = readings;
    }

    List<ServiceStatus> services(Window window) {
        Map<String, Double> quota = readings.quotaByService();
        Map<String, Boolean> circuits = readings.circuits();
        Map<String, ServiceStatus> rows = new LinkedHashMap<>();
        for (CallFigures f : statistics.byService(window.duration)) {
            String service = f.key() == null ? "–" : f.key();
            String provider = provider(service);
            rows.put(service, new ServiceStatus(service, provider, f.calls(), f.gatewayErrors(), f.providerErrors(),
                    f.errorRate(), ms(f.totalP50Micros()), ms(f.totalP95Micros()), ms(f.totalP99Micros()),
                    ms(f.providerP50Micros()), ms(f.providerP95Micros()), ms(f.providerP99Micros()), f.requestBytes(),
                    f.responseBytes(), quota.get(service), circuit(circuits, provider)));
        }
        // services with a quota in use but no call in the window
        quota.forEach((service, use) -> rows.computeIfAbsent(service, s -> new ServiceStatus(s, provider(s), 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, use, circuit(circuits, provider(s)))));
        return new ArrayList<>(rows.values());
    }

    List<ConsumerStatus> consumers(Window window) {
        Map<String, Double> quota = readings.quotaByConsumer();
        List<ConsumerStatus> rows = new ArrayList<>();
        for (CallFigures f : statistics.byConsumer(window.duration)) {
            String consumer = f.key() == null ? "–" : f.key();
            rows.add(new ConsumerStatus(consumer, f.calls(), f.gatewayErrors(), f.providerErrors(), f.errorRate(),
                    ms(f.totalP50Micros()), ms(f.totalP95Micros()), ms(f.totalP99Micros()), f.requestBytes(),
                    f.responseBytes(), quota.get(consumer)));
        }
        return rows;
    }

    List<SubscriptionStatus> subscriptions() {
        return readings.subscriptions().stream()
                .map(s -> new SubscriptionStatus(s.subscription(), s.eventType(), s.backlog(), s.lagSeconds(),
                        s.deadLetters()))
                .toList();
    }

    /** {@code member/subsystem} of a service address path. */
    static String provider(String service) {
        String[] parts = service.split("/");
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : service;
    }

    private static String circuit(Map<String, Boolean> circuits, String provider) {
        Boolean open = circuits.get(provider);
        return open == null ? "unknown" : open ? "open" : "closed";
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
