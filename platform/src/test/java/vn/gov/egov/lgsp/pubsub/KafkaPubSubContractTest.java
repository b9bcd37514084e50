package vn.gov.egov.lgsp.pubsub;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/**
 * The pub/sub contract on the Kafka backend: a standalone embedded KRaft broker (no second Spring context), the
 * backend built from the platform's own stores (idempotency keys, pull queues, parked deliveries and dead letters in
 * PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaPubSubContractTest extends PlatformTest implements PubSubContract {

    private static EmbeddedKafkaKraftBroker broker;

    @Autowired
    EventOutbox outbox;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    EventTypes types;
    @Autowired
    WebhookDelivery webhooks;
    @Autowired
    PubSubProperties platformProperties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisteringEventTypes registering;
    @Autowired
    Subscribing subscribing;

    @Autowired
    PubSubBackend platformBackend;

    private KafkaBackend backend;

    @BeforeAll
    void startBroker() {
        // the platform's own (PostgreSQL) workers would also deliver what the Kafka backend parks in the shared
        // queue table: stopped while this class runs, so that only the Kafka backend delivers
        platformBackend.stopWorkers();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        PubSubProperties p = platformProperties;
        PubSubProperties kafka = new PubSubProperties("kafka", true, p.pollInterval(), p.deliveryThreads(), p.batchSize(),
                p.maxAttempts(), p.retryDelay(), p.maxRetryDelay(), p.webhookTimeout(), p.lease(), p.maxPublishBatch(),
                new PubSubProperties.Kafka(broker.getBrokersAsString(), "lgsp-test."));
        backend = new KafkaBackend(outbox, queue, subscriptions, types, webhooks, kafka, transactions, json, jdbc);
        backend.startWorkers();
    }

    @AfterAll
    void stopBroker() {
        if (backend != null) {
            backend.stopWorkers();
        }
        if (broker != null) {
            broker.destroy();
        }
        platformBackend.startWorkers();
    }

    @Override
    public PubSubBackend backend() {
        return backend;
    }

    @Override
    public RegisteringEventTypes registering() {
        return registering;
    }

    @Override
    public Subscribing subscribing() {
        return subscribing;
    }

    @Override
    public DeliveryQueue queue() {
        return queue;
    }

    @Override
    public Duration patience() {
        return Duration.ofSeconds(90);
    }
}
