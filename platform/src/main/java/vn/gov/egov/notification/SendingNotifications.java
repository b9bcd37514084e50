package vn.gov.egov.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * Sends recorded messages: right after they are recorded, and again on a schedule with a doubling wait after each
 * failure, until {@code egov.notification.max-attempts}; then FAILED. Each attempt locks its row, so several nodes
 * never send the same message. Logs name the dossier and the masked recipient only.
 */
@Component
class SendingNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(SendingNotifications.class);
    private static final int BATCH = 50;

    private final NotificationStore store;
    private final PersonalDataProtection protection;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Map<NotificationChannel, Carrier> carriers = new EnumMap<>(NotificationChannel.class);
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;

    SendingNotifications(NotificationStore store, PersonalDataProtection protection, NotificationSettings settings,
                         TransactionTemplate transactions, List<Carrier> carriers, MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.protection = protection;
        this.settings = settings;
        this.transactions = transactions;
        carriers.forEach(c -> this.carriers.put(c.channel(), c));
    }

    Carrier carrier(NotificationChannel channel) {
        return carriers.get(channel);
    }

    /** One attempt, in the caller's transaction; nothing when the message is not due (sent, or held by another node). */
    void attempt(UUID id) {
        Instant now = clock.instant();
        store.lockIfDue(id, now).ifPresent(n -> {
            try {
                String providerId = carriers.get(n.channel()).send(protection.open(NotificationStore.RECIPIENT, n.recipientSealed()),
                        n.subject(), protection.open(NotificationStore.BODY, n.bodySealed()), n.dossierCode());
                store.sent(n.id(), providerId, clock.instant());
                count(n.channel(), "sent");
                LOG.info("Notification {} of dossier {} ({}) sent by {} to {}", n.template(), n.dossierCode(), n.eventAction(),
                        n.channel(), n.recipientMasked());
            } catch (DeliveryFailed failure) {
                int attempts = n.attempts() + 1;
                boolean last = failure.permanent() || attempts >= settings.maxAttempts();
                Instant next = last ? null : clock.instant().plus(settings.backoff(attempts));
                store.failedAttempt(n.id(), failure.getMessage(), clock.instant(), next);
                count(n.channel(), last ? "failed" : "retry");
                if (last) {
                    LOG.warn("Notification {} of dossier {} by {} to {} FAILED after {} attempt(s): {}", n.template(), n.dossierCode(),
                            n.channel(), n.recipientMasked(), attempts, failure.getMessage());
                } else {
                    LOG.info("Notification {} of dossier {} by {} to {} not sent (attempt {}), next at {}: {}", n.template(),
                            n.dossierCode(), n.channel(), n.recipientMasked(), attempts, next, failure.getMessage());
                }
            }
        });
    }

    /** {@code egov.notifications{channel, outcome}}: sent, retry, failed, skipped. */
    void count(NotificationChannel channel, String outcome) {
        meters.counter("egov.notifications", "channel", channel.name(), "outcome", outcome).increment();
    }

    /** Every message due now, each in its own transaction; returns how many were looked at. */
    @Scheduled(fixedDelayString = "${egov.notification.retry-interval:PT30S}", initialDelayString = "${egov.notification.retry-interval:PT30S}")
    int sendDue() {
        List<UUID> due = store.due(clock.instant(), BATCH);
        for (UUID id : due) {
            try {
                transactions.executeWithoutResult(status -> attempt(id));
            } catch (RuntimeException e) {
                LOG.warn("Notification {} could not be attempted: {}", id, e.getClass().getSimpleName());
            }
        }
        return due.size();
    }
}
