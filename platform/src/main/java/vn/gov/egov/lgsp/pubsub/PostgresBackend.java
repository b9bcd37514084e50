package vn.gov.egov.lgsp.pubsub;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default backend: the event table is the outbox and each subscription has its queue in PostgreSQL, filled in
 * the publishing transaction. Workers lease batches ({@code SKIP LOCKED}, one claim per subscription at a time),
 * POST them, and delete them on 2xx; leases of a stopped node run out and the events are offered again, so nothing
 * queued is lost across a restart.
 */
class PostgresBackend implements PubSubBackend {

    private static final Logger log = LoggerFactory.getLogger(PostgresBackend.class);

    private final EventOutbox outbox;
    private final DeliveryQueue queue;
    private final Subscriptions subscriptions;
    private final WebhookDelivery webhooks;
    private final PubSubProperties properties;
    private final TransactionTemplate transactions;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService deliverers;
    private volatile Thread dispatcher;
    private volatile boolean running;

    PostgresBackend(EventOutbox outbox, DeliveryQueue queue, Subscriptions subscriptions, WebhookDelivery webhooks,
                    PubSubProperties properties, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public List<Accepted> publish(EventType type, String publisher, List<NewEvent> events) {
        return transactions.execute(status -> {
            EventOutbox.Stored stored = outbox.store(type, publisher, events, true);
            queue.enqueue(type.id(), stored.newSeqs(), EnumSet.allOf(Subscription.Mode.class));
            return stored.accepted();
        });
    }

    @Override
    public synchronized void startWorkers() {
        if (running) {
            return;
        }
        running = true;
        deliverers = Executors.newFixedThreadPool(Math.max(1, properties.deliveryThreads()), r -> {
            Thread t = new Thread(r, "lgsp-pubsub-delivery");
            t.setDaemon(true);
            return t;
        });
        dispatcher = new Thread(this::dispatch, "lgsp-pubsub-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public synchronized void stopWorkers() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.interrupt();
        deliverers.shutdown();
        try {
            dispatcher.join(10_000);
            deliverers.awaitTermination(properties.webhookTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        busy.clear();
    }

    private void dispatch() {
        long lastExpiry = 0;
        while (running) {
            try {
                if (System.currentTimeMillis() - lastExpiry > 1000) {
                    queue.expireLeases();
                    lastExpiry = System.currentTimeMillis();
                }
                for (UUID subscription : queue.pushSubscriptionsWithWork()) {
                    if (running && busy.add(subscription)) {
                        deliverers.execute(() -> drain(subscription));
                    }
                }
                Thread.sleep(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("LGSP pub/sub dispatcher: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    /** Delivers one subscription's due events batch by batch until none is due or a delivery fails. */
    private void drain(UUID id) {
        try {
            Subscription subscription = subscriptions.byId(id).orElse(null);
            List<Long> taken = List.of();
            try {
                while (running && subscription != null && subscription.state() == Subscription.State.ACTIVE) {
                    List<Envelope> batch = queue.claim(id, properties.batchSize(), properties.lease(), taken);
                    taken = List.of();
                    if (batch.isEmpty()) {
                        return;
                    }
                    String error = webhooks.deliver(subscription, batch);
                    if (error == null) {
                        // removed with the next claim, in its transaction
                        taken = batch.stream().map(Envelope::seq).toList();
                    } else if (!handleFailure(subscription, batch, error)) {
                        return;
                    }
                }
            } finally {
                queue.delivered(id, taken);
            }
        } catch (RuntimeException e) {
            log.warn("LGSP pub/sub delivery to subscription {}: {}", id, e.toString());
        } finally {
            busy.remove(id);
        }
    }

    /** Whether to go on with the next batch after a refused one. */
    private boolean handleFailure(Subscription subscription, List<Envelope> batch, String error) {
        if (batch.size() == 1) {
            queue.failed(subscription.id(), batch, error);
            return false;
        }
        return oneByOne(subscription, batch);
    }

    /**
     * A batch was refused: each event alone, so that one bad event does not hold back other keys; after a key's
     * failure its later events of the batch go back to the queue untried (behind the failed one). Returns whether
     * any got through.
     */
    private boolean oneByOne(Subscription subscription, List<Envelope> batch) {
        Set<String> failedKeys = new java.util.HashSet<>();
        boolean anyDelivered = false;
        for (Envelope event : batch) {
            if (event.orderingKey() != null && failedKeys.contains(event.orderingKey())) {
                queue.release(subscription.id(), event);
                continue;
            }
            String error = running ? webhooks.deliver(subscription, List.of(event)) : "stopped";
            if (error == null) {
                queue.delivered(subscription.id(), List.of(event.seq()));
                anyDelivered = true;
            } else {
                queue.failed(subscription.id(), List.of(event), error);
                if (event.orderingKey() != null) {
                    failedKeys.add(event.orderingKey());
                }
            }
        }
        return anyDelivered;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
