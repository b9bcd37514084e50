package vn.gov.egov.lgsp.pubsub;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedValueStore;

/** The backend chosen by {@code egov.lgsp.pubsub.backend}; its workers run with the application (when enabled). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PubSubProperties.class)
class PubSubConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "egov.lgsp.pubsub", name = "backend", havingValue = "postgres", matchIfMissing = true)
    PostgresBackend postgresPubSubBackend(EventOutbox outbox, DeliveryQueue queue, Subscriptions subscriptions,
                                          WebhookDelivery webhooks, PubSubProperties properties, TransactionTemplate transactions) {
        return new PostgresBackend(outbox, queue, subscriptions, webhooks, properties, transactions);
    }

    // only here does anything talk to a Kafka broker: contexts without one never try localhost:9092
    @Bean
    @ConditionalOnProperty(prefix = "egov.lgsp.pubsub", name = "backend", havingValue = "kafka")
    KafkaBackend kafkaPubSubBackend(EventOutbox outbox, DeliveryQueue queue, Subscriptions subscriptions, EventTypes types,
                                    WebhookDelivery webhooks, PubSubProperties properties, TransactionTemplate transactions,
                                    ObjectMapper json, JdbcClient jdbc) {
        return new KafkaBackend(outbox, queue, subscriptions, types, webhooks, properties, transactions, json, jdbc);
    }

    /** The webhook signing secrets, sealed, registered so that a personal-data key rotation reseals them too. */
    @Bean
    SealedValueStore pubSubSubscriptionSecrets(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "lgsp_pubsub_subscription", "id", SealedColumn.KeyType.UUID, "secret_sealed", Subscriptions.SECRET_PURPOSE);
    }

    @Bean
    SmartLifecycle pubSubWorkers(PubSubBackend backend, PubSubProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.workers()) {
                    backend.startWorkers();
                }
                running = true;
            }

            @Override
            public void stop() {
                backend.stopWorkers();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // after the web server stops taking requests, before the database goes
                return SmartLifecycle.DEFAULT_PHASE - 2048;
            }
        };
    }
}
