package vn.gov.egov.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * Sends recorded messages in batches: a batch is the messages due now, locked with {@code for update skip locked} (so
 * several nodes, or two senders of one node, never take the same message), sent per channel in one gateway request
 * and over one mail-server connection, and updated in one batch per outcome, all in one transaction. A failed message
 * is tried again after a doubling wait until {@code egov.notification.max-attempts}; then FAILED.
 *
 * <p>One sender thread per node is woken when a message is recorded ({@link #wake()}, after the recording commits)
 * and lingers {@code egov.notification.linger} to gather more; the scheduled sweep ({@code retry-interval}) sends the
 * retries and what another node left. On shutdown the batch in hand finishes; the rest stays PENDING for the next
 * start. Logs name the dossier and the masked recipient only.
 */
@Component
class SendingNotifications implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SendingNotifications.class);

    private final NotificationStore store;
    private final PersonalDataProtection protection;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Map<NotificationChannel, Carrier> carriers = new EnumMap<>(NotificationChannel.class);
    private final Clock clock;
    private final MeterRegistry meters;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private volatile Thread sender;

    @Autowired
    SendingNotifications(NotificationStore store, PersonalDataProtection protection, NotificationSettings settings,
                         TransactionTemplate transactions, List<Carrier> carriers, MeterRegistry meters) {
        this(store, protection, settings, transactions, carriers, meters, Clock.systemUTC());
    }

    SendingNotifications(NotificationStore store, PersonalDataProtection protection, NotificationSettings settings,
                         TransactionTemplate transactions, List<Carrier> carriers, MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.store = store;
        this.protection = protection;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        carriers.forEach(c -> this.carriers.put(c.channel(), c));
    }

    Carrier carrier(NotificationChannel channel) {
        return carriers.get(channel);
    }

    /** Tells the sender thread there is something to send (a no-op when it is not running: the sweep sends it). */
    void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the sender once the caller's transaction commits (at once without one): what it recorded is then visible. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Every message due now, batch after batch until none is left; returns how many were attempted. */
    @Scheduled(fixedDelayString = "${egov.notification.retry-interval:PT30S}", initialDelayString = "${egov.notification.retry-interval:PT30S}")
    int sendDue() {
        int total = 0;
        int attempted;
        do {
            try {
                attempted = transactions.execute(status -> sendBatch());
            } catch (RuntimeException e) {
                LOG.warn("Notifications could not be attempted: {}", e.getClass().getSimpleName());
                return total;
            }
            total += attempted;
        } while (attempted >= settings.batchSize() && !(Thread.currentThread() == sender && !running));
        return total;
    }

    /** One batch, in the caller's transaction: lock what is due, send it per channel, record the outcomes. */
    int sendBatch() {
        List<NotificationRow> due = store.lockDue(clock.instant(), settings.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        List<NotificationStore.Attempted> outcomes = new ArrayList<>(due.size());
        for (NotificationChannel channel : NotificationChannel.values()) {
            List<NotificationRow> rows = new ArrayList<>();
            List<Carrier.Outgoing> messages = new ArrayList<>();
            for (NotificationRow n : due) {
                if (n.channel() != channel) {
                    continue;
                }
                try {
                    messages.add(new Carrier.Outgoing(protection.open(NotificationStore.RECIPIENT, n.recipientSealed()), n.subject(),
                            protection.open(NotificationStore.BODY, n.bodySealed()), n.reference()));
                    rows.add(n);
                } catch (RuntimeException e) {
                    // one row that cannot be opened (a key removed too early) must not hold back the whole batch
                    outcomes.add(outcome(n, Carrier.Outcome.failed(new DeliveryFailed(
                            "Không mở được người nhận hoặc nội dung đã niêm phong (" + e.getClass().getSimpleName() + ").", false))));
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<Carrier.Outcome> results;
            try {
                results = carriers.get(channel).send(messages);
            } catch (RuntimeException e) {
                // a carrier's fault, not the message's: every message of the batch is tried again
                DeliveryFailed failure = new DeliveryFailed("Lỗi khi gửi (" + EmailCarrier.kind(e) + ").", false);
                results = rows.stream().map(n -> Carrier.Outcome.failed(failure)).toList();
            }
            for (int i = 0; i < rows.size(); i++) {
                outcomes.add(outcome(rows.get(i), results.get(i)));
            }
        }
        store.attempted(outcomes, clock.instant());
        return due.size();
    }

    private NotificationStore.Attempted outcome(NotificationRow n, Carrier.Outcome result) {
        if (result.failure() == null) {
            count(n.channel(), "sent");
            LOG.info("Notification {} of {} ({}) sent by {} to {}", n.template(), n.reference(), n.eventAction(),
                    n.channel(), n.recipientMasked());
            return new NotificationStore.Attempted(n.id(), result.providerId(), null, null);
        }
        DeliveryFailed failure = result.failure();
        int attempts = n.attempts() + 1;
        boolean last = failure.permanent() || attempts >= settings.maxAttempts();
        Instant next = last ? null : clock.instant().plus(settings.backoff(attempts));
        count(n.channel(), last ? "failed" : "retry");
        if (last) {
            LOG.warn("Notification {} of {} by {} to {} FAILED after {} attempt(s): {}", n.template(), n.reference(),
                    n.channel(), n.recipientMasked(), attempts, failure.getMessage());
        } else {
            LOG.info("Notification {} of {} by {} to {} not sent (attempt {}), next at {}: {}", n.template(),
                    n.reference(), n.channel(), n.recipientMasked(), attempts, next, failure.getMessage());
        }
        return new NotificationStore.Attempted(n.id(), null, failure.getMessage(), next);
    }

    /** {@code egov.notifications{channel, outcome}}: sent, retry, failed, skipped. */
    void count(NotificationChannel channel, String outcome) {
        meters.counter("egov.notifications", "channel", channel.name(), "outcome", outcome).increment();
    }

    /** The sender thread: waits to be woken, lingers to fill a batch, sends everything due, and waits again. */
    private void run() {
        while (running) {
            try {
                lock.lock();
                try {
                    while (!woken && running) {
                        signal.await();
                    }
                    // gathers what is recorded meanwhile: further wakes do not cut the wait short, a stop does
                    long left = settings.linger().toNanos();
                    while (running && left > 0) {
                        left = signal.awaitNanos(left);
                    }
                    woken = false;
                } finally {
                    lock.unlock();
                }
                if (running) {
                    sendDue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Notification sender: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (running) {
                return;
            }
            running = true;
            woken = true; // what an earlier run left is sent at once
            sender = new Thread(this::run, "notification-sender");
            sender.setDaemon(true);
            sender.start();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the batch in hand finish (at most {@code shutdown-wait}); messages not taken stay PENDING. */
    @Override
    public void stop() {
        Thread thread;
        lock.lock();
        try {
            running = false;
            signal.signalAll();
            thread = sender;
        } finally {
            lock.unlock();
        }
        if (thread != null) {
            try {
                thread.join(Math.max(1, settings.shutdownWait().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Notification sender still sending after {}; the messages it holds stay PENDING until it ends",
                        settings.shutdownWait());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
