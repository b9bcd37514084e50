package vn.gov.egov.lgsp.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.lgsp.LgspAlertRaised;
import vn.gov.egov.lgsp.LgspAlertResolved;
import vn.gov.egov.lgsp.messagelog.CallFigures;
import vn.gov.egov.lgsp.messagelog.CallStatistics;

/**
 * Every {@code egov.lgsp.monitoring.alerts.interval} (30 s): a provider failing (its circuit open on this node, or
 * provider errors above the threshold with enough calls in the window, cluster-wide), a subscription backing up
 * (backlog or lag above the threshold), this node's message-log queue filling up. An alert opens once (across
 * nodes), is logged at WARN, and resolves itself when its condition clears (logged at INFO). The node that opens or
 * resolves an alert publishes {@link LgspAlertRaised} or {@link LgspAlertResolved} in the transaction that records it,
 * so each is published once across nodes (the notification module mails the LGSP operators). An alert of a key that
 * already opened within {@code egov.lgsp.monitoring.alerts.mail-quiet} (30 min) is kept and shown but not published:
 * a condition that keeps clearing and coming back does not flood the operators' mailboxes.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    /** A condition that holds now. */
    record Firing(String key, MonitoringAlert.Kind kind, String subject, String detail) {
    }

    private final AlertStore store;
    private final MeterReadings readings;
    private final CallStatistics statistics;
    private final MonitoringProperties.Alerts thresholds;
    private final String node;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AtomicInteger openCount = new AtomicInteger();

    @Autowired
    AlertEvaluator(AlertStore store, MeterReadings readings, CallStatistics statistics, MonitoringProperties properties,
                   MeterRegistry meters, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this(store, readings, statistics, properties.alerts(), properties.node(), Clock.systemUTC(), events, transactions);
        Gauge.builder("lgsp.monitoring.alerts.open", openCount, AtomicInteger::get)
                .description("LGSP alerts open (as of this node's last evaluation)").register(meters);
    }

    AlertEvaluator(AlertStore store, MeterReadings readings, CallStatistics statistics,
                   MonitoringProperties.Alerts thresholds, String node, Clock clock, ApplicationEventPublisher events,
                   TransactionTemplate transactions) {
        this.store = store;
        this.readings = readings;
        this.statistics = statistics;
        this.thresholds = thresholds;
        this.node = node;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    String node() {
        return node;
    }

    @Scheduled(fixedDelayString = "${egov.lgsp.monitoring.alerts.interval:PT30S}",
            initialDelayString = "${egov.lgsp.monitoring.alerts.interval:PT30S}")
    void scheduled() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.error("LGSP alerts could not be evaluated; trying again at the next interval", e);
        }
    }

    /** Evaluates every condition once: opens the new alerts and resolves the cleared ones. */
    synchronized void evaluate() {
        Instant now = clock.instant();
        Map<String, Firing> firing = new LinkedHashMap<>();
        java.util.Set<String> observed = new java.util.HashSet<>();
        for (Firing f : conditions(observed)) {
            firing.put(f.key(), f);
        }
        List<MonitoringAlert> open = store.open();
        for (MonitoringAlert alert : open) {
            Firing still = firing.remove(alert.key());
            if (still != null) {
                if (!still.detail().equals(alert.detail())) {
                    store.describe(alert.id(), still.detail());
                }
            } else if (mayResolve(alert, observed)) {
                if (resolve(alert, now)) {
                    log.info("LGSP alert resolved: {} ({})", alert.key(), alert.subject());
                }
            }
        }
        for (Firing f : firing.values()) {
            if (open(f, now)) {
                log.warn("LGSP alert opened: {} – {}", f.key(), f.detail());
            }
        }
        openCount.set(store.open().size());
    }

    /** Opens the alert and, when this node opened it, publishes it in the same transaction. */
    private boolean open(Firing f, Instant now) {
        UUID id = UUID.randomUUID();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.open(id, f.key(), f.kind(), f.subject(), f.detail(), now, node)) {
                return false;
            }
            if (store.repeats(f.key(), id, now, thresholds.mailQuiet())) {
                log.info("LGSP alert {} opened again within {} of the last one: not announced again", f.key(), thresholds.mailQuiet());
                return true;
            }
            events.publishEvent(new LgspAlertRaised(id, f.kind().name(), f.kind().vietnameseName(), f.key(), f.subject(), f.detail(),
                    now, node));
            return true;
        }));
    }

    /** Resolves the alert and, when this node resolved it, publishes that in the same transaction. */
    private boolean resolve(MonitoringAlert alert, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.resolve(alert.id(), now, node)) {
                return false;
            }
            if (store.repeats(alert.key(), alert.id(), alert.openedAt(), thresholds.mailQuiet())) {
                return true; // its opening was not announced either
            }
            events.publishEvent(new LgspAlertResolved(alert.id(), alert.kind().name(), alert.kind().vietnameseName(), alert.key(),
                    alert.subject(), alert.detail(), alert.openedAt(), now, node));
            return true;
        }));
    }

    /**
     * Whether this node can tell that the alert's condition cleared: per-node conditions only on their node;
     * subscriptions only where pub/sub publishes their gauges (a node without them has no opinion).
     */
    private boolean mayResolve(MonitoringAlert alert, java.util.Set<String> observed) {
        return switch (alert.kind()) {
            case CIRCUIT_OPEN, MESSAGE_LOG_QUEUE -> alert.key().endsWith("@" + node);
            case SUBSCRIPTION_BACKING_UP -> observed.contains(alert.key());
            case PROVIDER_ERRORS -> true;
        };
    }

    private List<Firing> conditions(java.util.Set<String> observed) {
        List<Firing> firing = new ArrayList<>();
        readings.circuits().forEach((provider, open) -> {
            if (open) {
                firing.add(new Firing("circuit:" + provider + "@" + node, MonitoringAlert.Kind.CIRCUIT_OPEN, provider,
                        "Bộ ngắt mạch tới bên cung cấp " + provider + " đang mở trên nút " + node
                                + ": LGSP tạm ngừng chuyển tiếp lượt gọi tới bên này."));
            }
        });
        Map<String, long[]> byProvider = new LinkedHashMap<>();
        for (CallFigures f : statistics.byService(thresholds.providerWindow())) {
            if (f.key() == null) {
                continue;
            }
            long[] counts = byProvider.computeIfAbsent(MonitoringOverview.provider(f.key()), p -> new long[2]);
            counts[0] += f.calls();
            counts[1] += f.providerErrors();
        }
        byProvider.forEach((provider, counts) -> {
            double rate = counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
            if (counts[0] >= thresholds.providerMinCalls() && rate >= thresholds.providerErrorRate()) {
                firing.add(new Firing("provider:" + provider, MonitoringAlert.Kind.PROVIDER_ERRORS, provider,
                        String.format(Locale.ROOT, "Bên cung cấp %s lỗi %d/%d lượt gọi (%.0f %%) trong %d phút qua"
                                        + " (ngưỡng %.0f %% khi có từ %d lượt).", provider, counts[1], counts[0], rate * 100,
                                thresholds.providerWindow().toMinutes(), thresholds.providerErrorRate() * 100,
                                thresholds.providerMinCalls())));
            }
        });
        for (MeterReadings.Subscription s : readings.subscriptions()) {
            observed.add("subscription:" + s.subscription() + "/" + s.eventType());
            boolean backlog = s.backlog() > thresholds.backlog();
            boolean lag = s.lagSeconds() > thresholds.lag().toSeconds();
            if (backlog || lag) {
                String subject = s.subscription() + "/" + s.eventType();
                firing.add(new Firing("subscription:" + subject, MonitoringAlert.Kind.SUBSCRIPTION_BACKING_UP, subject,
                        String.format(Locale.ROOT, "Đăng ký %s (loại sự kiện %s) đang ứ đọng: %d sự kiện chờ (ngưỡng %d),"
                                        + " sự kiện cũ nhất chờ %.0f giây (ngưỡng %d giây).", s.subscription(),
                                s.eventType(), s.backlog(), thresholds.backlog(), s.lagSeconds(),
                                thresholds.lag().toSeconds())));
            }
        }
        readings.messageLogQueueFill().forEach((logNode, fill) -> {
            if (fill > thresholds.messageLogQueueFill()) {
                firing.add(new Firing("message-log-queue@" + node, MonitoringAlert.Kind.MESSAGE_LOG_QUEUE, logNode,
                        String.format(Locale.ROOT, "Hàng đợi nhật ký thông điệp của nút %s đầy %.0f %% (ngưỡng %.0f %%):"
                                + " cơ sở dữ liệu ghi chậm hơn lượng gọi.", logNode, fill * 100,
                                thresholds.messageLogQueueFill() * 100)));
            }
        });
        return firing;
    }
}
