package vn.gov.egov.lgsp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * What every pub/sub backend must do, run against each ({@link PostgresPubSubContractTest},
 * {@link KafkaPubSubContractTest}): publish and receive, idempotency keys, ordering per key, retries then a dead
 * letter then a replay, a restart of the workers mid-stream without loss, and pull with leases and acknowledgements.
 */
interface PubSubContract {

    PubSubBackend backend();

    RegisteringEventTypes registering();

    Subscribing subscribing();

    DeliveryQueue queue();

    String SCHEMA = """
            {"type":"object","required":["n"],"properties":{"n":{"type":"integer"},"poison":{"type":"boolean"}}}""";

    default EventType newEventType() {
        return registering().ensure(new RegisteringEventTypes.Draft("SO-TEST", "HE-THONG",
                "hop-dong-" + UUID.randomUUID().toString().substring(0, 8), "v1", "Sự kiện thử", "", SCHEMA,
                SecurityLevel.INTERNAL));
    }

    /** An approved push subscription to the webhook; the webhook learns the signing key shown at approval. */
    default Subscription pushTo(EventType type, TestWebhook webhook) {
        Subscription s = subscribing().request(type, "SO-NHAN", "HE-THONG-NHAN", null, Subscription.Mode.PUSH, webhook.url());
        Subscribing.Approved approved = subscribing().approve(s.id());
        assertThat(approved.secret()).hasSizeGreaterThan(40);
        webhook.secret = approved.secret();
        return approved.subscription();
    }

    static NewEvent event(String key, String orderingKey, int n) {
        return new NewEvent(key, orderingKey, "{\"n\":" + n + "}");
    }

    static NewEvent poison(String key, String orderingKey, int n) {
        return new NewEvent(key, orderingKey, "{\"n\":" + n + ",\"poison\":true}");
    }

    default Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Test
    default void publishedEventsReachThePushSubscriberSigned() throws Exception {
        try (TestWebhook webhook = new TestWebhook()) {
            EventType type = newEventType();
            pushTo(type, webhook);
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                events.add(event("k-" + i, null, i));
            }
            List<PubSubBackend.Accepted> accepted = backend().publish(type, "SO-TEST/HE-THONG", events);
            assertThat(accepted).hasSize(50).noneMatch(PubSubBackend.Accepted::duplicate);

            await().atMost(patience()).until(() -> webhook.keys().size() == 50);
            assertThat(webhook.badSignatures()).isZero();
            Map<String, TestWebhook.Received> byKey = webhook.received().stream()
                    .collect(Collectors.toMap(TestWebhook.Received::idempotencyKey, r -> r));
            for (int i = 0; i < 50; i++) {
                assertThat(byKey.get("k-" + i).data().get("n").asInt()).isEqualTo(i);
                assertThat(byKey.get("k-" + i).id()).isEqualTo(accepted.get(i).id().toString());
            }
        }
    }

    @Test
    default void theSameIdempotencyKeyGivesTheFirstEventAndNeverASecond() throws Exception {
        try (TestWebhook webhook = new TestWebhook()) {
            EventType type = newEventType();
            pushTo(type, webhook);
            PubSubBackend.Accepted first = backend().publish(type, "SO-TEST/HE-THONG", List.of(event("same", null, 1))).get(0);
            PubSubBackend.Accepted again = backend().publish(type, "SO-TEST/HE-THONG", List.of(event("same", null, 2))).get(0);
            List<PubSubBackend.Accepted> inOneBatch = backend().publish(type, "SO-TEST/HE-THONG",
                    List.of(event("other", null, 3), event("other", null, 4), event("same", null, 5)));

            assertThat(first.duplicate()).isFalse();
            assertThat(again.duplicate()).isTrue();
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(inOneBatch.get(0).duplicate()).isFalse();
            assertThat(inOneBatch.get(1).id()).isEqualTo(inOneBatch.get(0).id());
            assertThat(inOneBatch.get(1).duplicate()).isTrue();
            assertThat(inOneBatch.get(2).id()).isEqualTo(first.id());

            await().atMost(patience()).until(() -> webhook.keys().size() == 2);
            Thread.sleep(1000);
            assertThat(webhook.rawDeliveries()).as("one delivery per event").isEqualTo(2);
            assertThat(webhook.received()).filteredOn(r -> r.idempotencyKey().equals("same"))
                    .singleElement().satisfies(r -> assertThat(r.data().get("n").asInt()).isEqualTo(1));
        }
    }

    @Test
    default void eventsOfOneKeyArriveInPublishingOrder() throws Exception {
        try (TestWebhook webhook = new TestWebhook()) {
            EventType type = newEventType();
            pushTo(type, webhook);
            int n = 0;
            for (int batch = 0; batch < 6; batch++) {
                List<NewEvent> events = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    String key = "ho-so-" + ThreadLocalRandom.current().nextInt(4);
                    events.add(event("e-" + n, key, n++));
                }
                backend().publish(type, "SO-TEST/HE-THONG", events);
            }
            int total = n;
            await().atMost(patience()).until(() -> webhook.keys().size() == total);
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (TestWebhook.Received r : webhook.received()) {
                perKey.computeIfAbsent(r.orderingKey(), k -> new ArrayList<>()).add(r.data().get("n").asInt());
            }
            assertThat(perKey).isNotEmpty();
            perKey.forEach((key, ns) -> assertThat(ns).as("order of key " + key).isSorted());
        }
    }

    @Test
    default void aFailingEventIsRetriedThenDeadLetteredThenReplayedWhileItsKeyWaits() throws Exception {
        try (TestWebhook webhook = new TestWebhook()) {
            webhook.refuse = data -> data.has("poison");
            EventType type = newEventType();
            Subscription subscription = pushTo(type, webhook);
            List<PubSubBackend.Accepted> accepted = backend().publish(type, "SO-TEST/HE-THONG", List.of(
                    poison("a1", "A", 1), event("a2", "A", 2), event("b1", "B", 3), event("b2", "B", 4), event("b3", "B", 5)));
            UUID poisoned = accepted.get(0).id();

            await().atMost(patience()).until(() -> webhook.keys().containsAll(Set.of("b1", "b2", "b3")));
            assertThat(webhook.keys()).as("a2 waits behind a1").doesNotContain("a2");
            await().atMost(patience()).until(() -> !queue().deadLetters(subscription.id(), 10).isEmpty());
            DeadLetter dead = queue().deadLetters(subscription.id(), 10).get(0);
            assertThat(dead.eventId()).isEqualTo(poisoned);
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.lastError()).contains("500");
            assertThat(webhook.refusals()).isGreaterThanOrEqualTo(3);
            // the dead letter is set aside: the key moves on
            await().atMost(patience()).until(() -> webhook.keys().containsAll(Set.of("a2", "b1", "b2", "b3")));
            assertThat(webhook.keys()).doesNotContain("a1");

            webhook.refuse = data -> false;
            assertThat(queue().replay(subscription.id(), List.of(poisoned))).isEqualTo(1);
            await().atMost(patience()).until(() -> webhook.keys().contains("a1"));
            assertThat(queue().deadLetters(subscription.id(), 10)).isEmpty();
        }
    }

    /** Kafka's partition of a record key (its default partitioner), for keys that must share one. */
    static int kafkaPartition(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % KafkaBackend.PARTITIONS;
    }

    /** Another ordering key ({@code prefix} and a number) that Kafka puts in the same partition as {@code key}. */
    static String keyInPartitionOf(String key, String prefix) {
        return java.util.stream.IntStream.range(0, 1000).mapToObj(i -> prefix + i)
                .filter(k -> kafkaPartition(k) == kafkaPartition(key)).findFirst().orElseThrow();
    }

    @Test
    default void aRefusedKeyWaitsAloneWhileAnotherKeyOfItsPartitionFlows() throws Exception {
        String a = "ho-so-A";
        String b = keyInPartitionOf(a, "ho-so-B");
        try (TestWebhook webhook = new TestWebhook()) {
            java.util.concurrent.atomic.AtomicInteger refusalsLeft = new java.util.concurrent.atomic.AtomicInteger(2);
            webhook.refuseRequest = events -> events.stream().anyMatch(e -> !e.get("orderingKey").isNull()
                    && e.get("orderingKey").asString().equals(a)) && refusalsLeft.getAndDecrement() > 0;
            EventType type = newEventType();
            Subscription subscription = pushTo(type, webhook);
            backend().publish(type, "SO-TEST/HE-THONG", List.of(event("a1", a, 1), event("b1", b, 2), event("a2", a, 3),
                    event("b2", b, 4), event("a3", a, 5), event("b3", b, 6)));

            await().atMost(patience()).until(() -> webhook.keys().size() == 6);
            List<String> arrival = webhook.received().stream().map(TestWebhook.Received::idempotencyKey).toList();
            assertThat(arrival.subList(0, 3)).as("the key of the same partition is not held back: " + arrival)
                    .containsExactly("b1", "b2", "b3");
            assertThat(arrival.subList(3, 6)).as("the refused key, in order after recovery").containsExactly("a1", "a2", "a3");
            assertThat(webhook.refusals()).isEqualTo(2);
            assertThat(queue().deadLetters(subscription.id(), 10)).isEmpty();

            // the key's parked events are through: its next event is not parked
            await().atMost(patience()).until(() -> queue().parkedKeys(subscription.id(), List.of(a)).isEmpty());
            backend().publish(type, "SO-TEST/HE-THONG", List.of(event("a4", a, 7), event("b4", b, 8)));
            await().atMost(patience()).until(() -> webhook.keys().size() == 8);
            Thread.sleep(500);
            assertThat(webhook.rawDeliveries()).as("each event exactly once").isEqualTo(8);
            assertThat(webhook.received().stream().map(TestWebhook.Received::idempotencyKey).toList().subList(6, 8))
                    .containsExactlyInAnyOrder("a4", "b4");
        }
    }

    @Test
    default void stoppingAndStartingTheWorkersMidStreamLosesNothing() throws Exception {
        try (TestWebhook webhook = new TestWebhook()) {
            EventType type = newEventType();
            pushTo(type, webhook);
            int batches = 30;
            int perBatch = 100;
            Thread publisher = new Thread(() -> {
                for (int b = 0; b < batches; b++) {
                    List<NewEvent> events = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                        int n = b * perBatch + i;
                        events.add(event("r-" + n, "k" + (n % 16), n));
                    }
                    backend().publish(type, "SO-TEST/HE-THONG", events);
                }
            });
            publisher.start();
            await().atMost(patience()).until(() -> webhook.keys().size() >= 300);
            backend().stopWorkers();
            int whileStopped = webhook.keys().size();
            Thread.sleep(1500);
            backend().startWorkers();
            publisher.join();
            await().atMost(patience()).until(() -> webhook.keys().size() == batches * perBatch);

            Set<String> expected = new java.util.HashSet<>();
            for (int n = 0; n < batches * perBatch; n++) {
                expected.add("r-" + n);
            }
            assertThat(webhook.keys()).isEqualTo(expected);
            assertThat(whileStopped).isLessThan(batches * perBatch);
            int duplicates = webhook.rawDeliveries() - batches * perBatch;
            assertThat(duplicates).as("raw duplicates (at-least-once)").isGreaterThanOrEqualTo(0);
            org.slf4j.LoggerFactory.getLogger(PubSubContract.class).info("{} restart: {} events, {} delivered before the stop, {} raw duplicates",
                    backend().getClass().getSimpleName(), batches * perBatch, whileStopped, duplicates);
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (TestWebhook.Received r : webhook.received()) {
                perKey.computeIfAbsent(r.orderingKey(), k -> new ArrayList<>()).add(r.data().get("n").asInt());
            }
            perKey.forEach((key, ns) -> assertThat(ns).as("order of key " + key).isSorted());
        }
    }

    /**
     * A key held behind a refused event when the workers stop stays held: after the restart its parked events and the
     * one published while the workers were down arrive in publishing order, each once, and the other key is not held.
     */
    @Test
    default void aKeyParkedWhenTheWorkersStopIsDeliveredInOrderAfterTheRestart() throws Exception {
        String a = "tam-giu-A";
        String b = keyInPartitionOf(a, "tam-giu-B");
        try (TestWebhook webhook = new TestWebhook()) {
            java.util.concurrent.atomic.AtomicBoolean refuseA = new java.util.concurrent.atomic.AtomicBoolean(true);
            webhook.refuseRequest = events -> refuseA.get() && events.stream().anyMatch(e -> !e.get("orderingKey").isNull()
                    && e.get("orderingKey").asString().equals(a));
            EventType type = newEventType();
            Subscription subscription = pushTo(type, webhook);
            backend().publish(type, "SO-TEST/HE-THONG", List.of(event("a1", a, 1), event("b1", b, 2), event("a2", a, 3),
                    event("b2", b, 4)));
            await().atMost(patience()).until(() -> webhook.keys().containsAll(Set.of("b1", "b2"))
                    && !queue().parkedKeys(subscription.id(), List.of(a)).isEmpty());
            assertThat(webhook.keys()).as("the refused key is held").doesNotContain("a1", "a2");

            backend().stopWorkers();
            backend().publish(type, "SO-TEST/HE-THONG", List.of(event("a3", a, 5), event("b3", b, 6)));
            refuseA.set(false);
            Thread.sleep(500);
            assertThat(webhook.keys()).as("nothing is delivered while the workers are stopped").doesNotContain("a1", "a2", "a3", "b3");
            backend().startWorkers();

            await().atMost(patience()).until(() -> webhook.keys().size() == 6);
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (TestWebhook.Received r : webhook.received()) {
                perKey.computeIfAbsent(r.orderingKey(), k -> new ArrayList<>()).add(r.data().get("n").asInt());
            }
            assertThat(perKey.get(a)).as("the held key in publishing order across the restart").containsExactly(1, 3, 5);
            assertThat(perKey.get(b)).containsExactly(2, 4, 6);
            assertThat(queue().deadLetters(subscription.id(), 10)).isEmpty();
            await().atMost(patience()).until(() -> queue().parkedKeys(subscription.id(), List.of(a)).isEmpty());
            Thread.sleep(500);
            assertThat(webhook.rawDeliveries()).as("each event delivered once").isEqualTo(6);
        }
    }

    @Test
    default void pullLeasesEventsUntilAcknowledged() {
        EventType type = newEventType();
        Subscription s = subscribing().request(type, "SO-NHAN", "HE-THONG-KEO", null, Subscription.Mode.PULL, null);
        subscribing().approve(s.id());
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event("p-" + i, null, i));
        }
        backend().publish(type, "SO-TEST/HE-THONG", events);

        List<Envelope> first = queue().claim(s.id(), 4, Duration.ofMillis(800));
        assertThat(first).extracting(Envelope::idempotencyKey).containsExactly("p-0", "p-1", "p-2", "p-3");
        assertThat(queue().acknowledge(s.id(), first.subList(0, 3).stream().map(Envelope::id).toList())).isEqualTo(3);
        List<Envelope> next = queue().claim(s.id(), 10, Duration.ofSeconds(30));
        assertThat(next).extracting(Envelope::idempotencyKey).containsExactly("p-4", "p-5", "p-6", "p-7", "p-8", "p-9");
        queue().acknowledge(s.id(), next.stream().map(Envelope::id).toList());
        // p-3 was never acknowledged: offered again once its lease ran out
        await().atMost(patience()).until(() -> {
            queue().expireLeases();
            return queue().claim(s.id(), 10, Duration.ofSeconds(30)).stream().anyMatch(e -> e.idempotencyKey().equals("p-3")
                    && e.attempts() == 2);
        });
    }
}
