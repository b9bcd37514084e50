package vn.gov.egov.lgsp.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The scale-out backend: a topic per event type ({@code <prefix><member>.<subsystem>.<code>.<version>}), the ordering
 * key as the record key, a consumer group per push subscription whose offsets are committed only after the webhook
 * took the events. Publishing writes the event table (idempotency keys) in PostgreSQL; a relay hands new events to
 * the broker and marks them, so a crash between the two only sends again. Pull subscriptions, dead letters and
 * replays stay in PostgreSQL queues. A refused event does not hold back its partition: it is parked in the PostgreSQL
 * queue (retries with back-off, then a dead letter) and its key's later events are parked behind it until the key's
 * parked events are delivered or dead letters; the partition's other keys go on (see {@link #deliverPartition}).
 */
class KafkaBackend implements PubSubBackend {

    private static final Logger log = LoggerFactory.getLogger(KafkaBackend.class);
    static final int PARTITIONS = 6;

    private final EventOutbox outbox;
    private final DeliveryQueue queue;
    private final Subscriptions subscriptions;
    private final EventTypes types;
    private final WebhookDelivery webhooks;
    private final PubSubProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final Map<UUID, Thread> consumers = new ConcurrentHashMap<>();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Thread supervisor;
    private volatile KafkaProducer<String, String> producer;
    private volatile Admin admin;
    private final Object relayed = new Object();

    KafkaBackend(EventOutbox outbox, DeliveryQueue queue, Subscriptions subscriptions, EventTypes types, WebhookDelivery webhooks,
                 PubSubProperties properties, TransactionTemplate transactions, ObjectMapper json, JdbcClient jdbc) {
        this.outbox = outbox;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.types = types;
        this.webhooks = webhooks;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public List<Accepted> publish(EventType type, String publisher, List<NewEvent> events) {
        List<Accepted> accepted = transactions.execute(status -> {
            EventOutbox.Stored stored = outbox.store(type, publisher, events, false);
            queue.enqueue(type.id(), stored.newSeqs(), EnumSet.of(Subscription.Mode.PULL));
            return stored.accepted();
        });
        synchronized (relayed) {
            relayed.notifyAll();
        }
        return accepted;
    }

    String topic(EventType type) {
        return (properties.kafka().topicPrefix() + type.member() + "." + type.subsystem() + "." + type.code() + "." + type.version())
                .replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public synchronized void startWorkers() {
        if (running) {
            return;
        }
        running = true;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // no idempotent producer: a retried send may duplicate (consumers dedupe by idempotency key), and one request
        // in flight keeps the order per partition
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        admin = Admin.create(a);
        supervisor = new Thread(this::supervise, "lgsp-pubsub-kafka-relay");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    @Override
    public synchronized void stopWorkers() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (relayed) {
            relayed.notifyAll();
        }
        join(supervisor);
        consumers.values().forEach(KafkaBackend::join);
        consumers.clear();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Relays new events, keeps one consumer per active push subscription, expires pull leases. */
    private void supervise() {
        long lastCheck = 0;
        while (running) {
            try {
                int sent = relay();
                if (System.currentTimeMillis() - lastCheck > 1000) {
                    lastCheck = System.currentTimeMillis();
                    queue.expireLeases();
                    Set<UUID> active = new java.util.HashSet<>();
                    for (Subscription s : subscriptions.active(Subscription.Mode.PUSH)) {
                        active.add(s.id());
                        consumers.computeIfAbsent(s.id(), id -> {
                            Thread t = new Thread(() -> consume(s), "lgsp-pubsub-kafka-" + id);
                            t.setDaemon(true);
                            t.start();
                            return t;
                        });
                    }
                    consumers.keySet().removeIf(id -> !active.contains(id) && !consumers.get(id).isAlive());
                }
                if (sent == 0) {
                    synchronized (relayed) {
                        relayed.wait(properties.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("LGSP pub/sub Kafka relay: {}", e.toString());
                    pause(1000);
                }
            }
        }
    }

    private record Unrelayed(long seq, UUID typeId, String orderingKey, String key, Envelope envelope) {
    }

    private int relay() {
        List<Unrelayed> batch = jdbc.sql("""
                SELECT e.seq, e.id, e.event_type_id, e.idempotency_key, e.ordering_key, e.published_at, e.payload,
                       t.member || '/' || t.subsystem || '/' || t.code || '/' || t.version
                FROM lgsp_pubsub_event e JOIN lgsp_pubsub_event_type t ON t.id = e.event_type_id
                WHERE e.relayed_at IS NULL ORDER BY e.seq LIMIT 500""")
                .query((rs, n) -> new Unrelayed(rs.getLong(1), rs.getObject(3, UUID.class), rs.getString(5), rs.getString(4),
                        new Envelope(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(8), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getString(7), 0)))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Unrelayed u : batch) {
            EventType type = types.byId(u.typeId()).orElseThrow();
            String topic = ensureTopic(type);
            sends.add(producer.send(new ProducerRecord<>(topic, u.orderingKey(), write(u.envelope()))));
        }
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an event: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        Long[] seqs = batch.stream().map(Unrelayed::seq).toArray(Long[]::new);
        jdbc.sql("UPDATE lgsp_pubsub_event SET relayed_at = now() WHERE seq = ANY (:seqs)")
                .param("seqs", seqs).update();
        return batch.size();
    }

    private String ensureTopic(EventType type) {
        String topic = topic(type);
        if (!topics.contains(topic)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Kafka topic " + topic + ": " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            topics.add(topic);
        }
        return topic;
    }

    private String write(Envelope e) {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("seq", e.seq());
        value.put("id", e.id().toString());
        value.put("eventType", e.eventType());
        value.put("idempotencyKey", e.idempotencyKey());
        value.put("orderingKey", e.orderingKey());
        value.put("publishedAt", e.publishedAt().toString());
        value.put("data", json.readTree(e.data()));
        return json.writeValueAsString(value);
    }

    private Envelope read(String value, int attempts) {
        JsonNode node = json.readTree(value);
        JsonNode orderingKey = node.get("orderingKey");
        return new Envelope(node.get("seq").asLong(), UUID.fromString(node.get("id").asString()), node.get("eventType").asString(),
                node.get("idempotencyKey").asString(), orderingKey == null || orderingKey.isNull() ? null : orderingKey.asString(),
                Instant.parse(node.get("publishedAt").asString()), json.writeValueAsString(node.get("data")), attempts);
    }

    /** One push subscription's consumer: deliver each partition's records, commit once each is delivered or parked. */
    private void consume(Subscription subscription) {
        EventType type = types.byId(subscription.eventTypeId()).orElseThrow();
        String topic = ensureTopic(type);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "lgsp-sub-" + subscription.id());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.batchSize()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (running && isActive(subscription.id())) {
                ConsumerRecords<String, String> records = consumer.poll(properties.pollInterval());
                for (TopicPartition partition : records.partitions()) {
                    deliverPartition(subscription, consumer, partition, records.records(partition));
                }
                deliverParked(subscription);
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn("LGSP pub/sub Kafka consumer of subscription {}: {}", subscription.id(), e.toString());
            }
        } finally {
            consumers.remove(subscription.id());
        }
    }

    private boolean isActive(UUID id) {
        return subscriptions.byId(id).map(s -> s.state() == Subscription.State.ACTIVE).orElse(false);
    }

    /**
     * Delivers a partition's records without letting one key hold back the others: the events of a key that has
     * events parked in PostgreSQL are parked behind them; the others go to the webhook (a batch, then one by one if
     * refused); an event refused is parked (waiting for its retry, blocking its key) and so are its key's later ones.
     * The offsets are committed once every record is delivered or durably parked.
     */
    private void deliverPartition(Subscription subscription, KafkaConsumer<String, String> consumer, TopicPartition partition,
                                  List<ConsumerRecord<String, String>> records) {
        List<Envelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            Envelope event = read(record.value(), 1);
            // as with PostgreSQL, a subscription receives what was published from its approval on
            if (subscription.decidedAt() == null || !event.publishedAt().isBefore(subscription.decidedAt())) {
                events.add(event);
            }
        }
        if (!events.isEmpty()) {
            Set<String> keys = new java.util.HashSet<>();
            events.forEach(e -> {
                if (e.orderingKey() != null) {
                    keys.add(e.orderingKey());
                }
            });
            Set<String> heldKeys = new java.util.HashSet<>(queue.parkedKeys(subscription.id(), keys));
            List<Envelope> direct = events.stream().filter(e -> e.orderingKey() == null || !heldKeys.contains(e.orderingKey())).toList();
            List<DeliveryQueue.Parked> parked = new ArrayList<>();
            if (!direct.isEmpty()) {
                String error = webhooks.deliver(subscription, direct);
                if (error != null) {
                    parked.addAll(oneByOne(subscription, direct, heldKeys, error));
                }
            }
            Set<Envelope> sent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            sent.addAll(direct);
            for (Envelope e : events) {
                if (!sent.contains(e)) {
                    parked.add(new DeliveryQueue.Parked(e, null));
                }
            }
            parked.sort(java.util.Comparator.comparingLong(x -> x.event().seq()));
            queue.park(subscription.id(), parked);
        }
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1)));
    }

    /**
     * A batch was refused: each event alone, in order. Returns those to park: the refused ones (with why) and, untried,
     * the later ones of their keys. An answer other than an HTTP status (unreachable, timeout) ends the round: the
     * events not yet tried are parked untried, so that a subscriber that is down costs one wait, not one per event.
     */
    private List<DeliveryQueue.Parked> oneByOne(Subscription subscription, List<Envelope> events, Set<String> heldKeys,
                                                String batchError) {
        List<DeliveryQueue.Parked> parked = new ArrayList<>();
        if (events.size() == 1) {
            hold(heldKeys, events.get(0));
            parked.add(new DeliveryQueue.Parked(events.get(0), batchError));
            return parked;
        }
        boolean down = false;
        for (Envelope event : events) {
            if (down || !running || (event.orderingKey() != null && heldKeys.contains(event.orderingKey()))) {
                hold(heldKeys, event);
                parked.add(new DeliveryQueue.Parked(event, null));
                continue;
            }
            String error = webhooks.deliver(subscription, List.of(event));
            if (error != null) {
                hold(heldKeys, event);
                parked.add(new DeliveryQueue.Parked(event, error));
                down = !error.startsWith("HTTP ");
            }
        }
        return parked;
    }

    private static void hold(Set<String> heldKeys, Envelope event) {
        if (event.orderingKey() != null) {
            heldKeys.add(event.orderingKey());
        }
    }

    /**
     * The events parked in PostgreSQL (refused ones, those behind them, replayed dead letters), one batch per round,
     * with the PostgreSQL queue's retries, back-off, dead letters and order per key.
     */
    private void deliverParked(Subscription subscription) {
        List<Envelope> batch = queue.claim(subscription.id(), properties.batchSize(), properties.lease());
        if (batch.isEmpty()) {
            return;
        }
        String error = webhooks.deliver(subscription, batch);
        if (error == null) {
            queue.delivered(subscription.id(), batch.stream().map(Envelope::seq).toList());
            return;
        }
        if (batch.size() == 1) {
            queue.failed(subscription.id(), batch, error);
            return;
        }
        Set<String> failedKeys = new java.util.HashSet<>();
        boolean down = false;
        for (Envelope event : batch) {
            if (down || !running || (event.orderingKey() != null && failedKeys.contains(event.orderingKey()))) {
                queue.release(subscription.id(), event);
                continue;
            }
            String failure = webhooks.deliver(subscription, List.of(event));
            if (failure == null) {
                queue.delivered(subscription.id(), List.of(event.seq()));
            } else {
                queue.failed(subscription.id(), List.of(event), failure);
                if (event.orderingKey() != null) {
                    failedKeys.add(event.orderingKey());
                }
                down = !failure.startsWith("HTTP ");
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
