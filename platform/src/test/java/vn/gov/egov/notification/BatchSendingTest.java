package vn.gov.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.egov.notification.TestMails.mailsFor;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The listener only records; the sender takes what is due in batches: one gateway request and one mail-server
 * connection per batch, a message refused alone, two senders never sending the same message.
 *
 * <p>The rows these tests write are due tomorrow and their senders' clocks are two days ahead, so the node's own
 * sender and sweep leave them alone.
 */
class BatchSendingTest extends DossierTestSupport {

    @Autowired
    NotificationStore store;

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    NotificationSettings settings;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SmsCarrier smsCarrier;

    @Autowired
    EmailCarrier emailCarrier;

    @Autowired
    NotifyingApplicants applicants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** A clock that the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Passes the batches on to the real carrier, keeps the references of each call, and can hold some messages back. */
    static final class Recording implements Carrier {
        final Carrier real;
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final List<String> notNow = new CopyOnWriteArrayList<>();

        Recording(Carrier real) {
            this.real = real;
        }

        @Override
        public NotificationChannel channel() {
            return real.channel();
        }

        @Override
        public java.util.Optional<String> unavailable() {
            return real.unavailable();
        }

        @Override
        public List<Outcome> send(List<Outgoing> messages) {
            calls.add(messages.stream().map(Outgoing::reference).toList());
            List<Outgoing> passed = messages.stream().filter(m -> !notNow.contains(m.reference())).toList();
            List<Outcome> sent = new ArrayList<>(passed.isEmpty() ? List.of() : real.send(passed));
            List<Outcome> outcomes = new ArrayList<>();
            for (Outgoing message : messages) {
                outcomes.add(notNow.contains(message.reference())
                        ? Outcome.failed(new DeliveryFailed("Cổng SMS chưa gửi được tin nhắn này (mã 503).", false)) : sent.remove(0));
            }
            return outcomes;
        }
    }

    private SendingNotifications sender(Clock clock, int batchSize, Carrier... carriers) {
        NotificationSettings s = new NotificationSettings(settings.mailFrom(), settings.maxAttempts(), settings.retryDelay(),
                settings.maxRetryDelay(), settings.retryInterval(), settings.templates(), settings.smsLink(), batchSize,
                Duration.ofMillis(100), Duration.ofSeconds(5));
        return new SendingNotifications(store, protection, s, transactions, List.of(carriers), meters, clock);
    }

    private static MovableClock twoDaysAhead() {
        return new MovableClock(Instant.now().plus(Duration.ofDays(2)));
    }

    /** A message due tomorrow, as the listener records it. */
    private UUID pending(String code, NotificationChannel channel, String recipient) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String body = channel == NotificationChannel.SMS ? "Hồ sơ " + code + " đã được tiếp nhận" : "Kính gửi ông/bà,\nHồ sơ " + code + "\n";
        store.insert(new NotificationRow(id, code, "RECEIVED", now, channel, protection.seal(NotificationStore.RECIPIENT, recipient),
                "masked", "RECEIVED." + channel.name().toLowerCase(), channel == NotificationChannel.EMAIL ? "Hồ sơ " + code + " (thử gửi theo lô)" : null,
                protection.seal(NotificationStore.BODY, body), NotificationStatus.PENDING, 0, null, null, now, now,
                now.plus(Duration.ofDays(1)), null));
        return id;
    }

    private static String code(String marker, int i) {
        return "LO-" + marker + "-" + i;
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("select status, attempts, provider_id, last_error, next_attempt_at from notification where id = ?").param(id)
                .query().singleRow();
    }

    private List<JsonNode> sms(String reference) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + simulatorPort()
                + "/sms/api/messages?reference=" + reference)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<JsonNode> messages = new ArrayList<>();
        json.readTree(response.body()).get("messages").forEach(messages::add);
        return messages;
    }

    @Test
    void dueMessagesLeaveInOneGatewayRequestAndOverOneMailConnectionAndAreAllSent() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(pending(code(marker, i), NotificationChannel.SMS, "098399901" + i));
        }
        for (int i = 4; i < 7; i++) {
            ids.add(pending(code(marker, i), NotificationChannel.EMAIL, "lo" + i + "@example.vn"));
        }
        Recording sms = new Recording(smsCarrier);
        Recording email = new Recording(emailCarrier);

        assertThat(sender(twoDaysAhead(), 100, sms, email).sendDue()).isGreaterThanOrEqualTo(7);

        assertThat(sms.calls).as("one gateway request").hasSize(1);
        assertThat(sms.calls.get(0)).contains(code(marker, 0), code(marker, 1), code(marker, 2), code(marker, 3));
        assertThat(email.calls).as("one mail-server connection").hasSize(1);
        assertThat(email.calls.get(0)).contains(code(marker, 4), code(marker, 5), code(marker, 6));
        for (UUID id : ids) {
            assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("next_attempt_at", null)
                    .hasEntrySatisfying("provider_id", p -> assertThat((String) p).isNotBlank());
        }
        for (int i = 0; i < 4; i++) {
            List<JsonNode> got = sms(code(marker, i));
            assertThat(got).hasSize(1);
            assertThat(got.get(0).get("to").asString()).isEqualTo("098399901" + i);
            assertThat(got.get(0).get("text").asString()).isEqualTo("Hồ sơ " + code(marker, i) + " đã được tiếp nhận");
            assertThat(row(ids.get(i)).get("provider_id")).isEqualTo(got.get(0).get("messageId").asString());
        }
        for (int i = 4; i < 7; i++) {
            assertThat(mailsFor(code(marker, i))).hasSize(1);
            assertThat(mailsFor(code(marker, i)).get(0).getAllRecipients()[0].toString()).isEqualTo("lo" + i + "@example.vn");
        }
    }

    @Test
    void aMessageRefusedInABatchFailsAloneOneNotSentForNowIsTriedAgainAndTheOthersAreSent() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID good = pending(code(marker, 0), NotificationChannel.SMS, "0983999020");
        UUID landline = pending(code(marker, 1), NotificationChannel.SMS, "0205381234");
        UUID later = pending(code(marker, 2), NotificationChannel.SMS, "0983999022");
        UUID alsoGood = pending(code(marker, 3), NotificationChannel.SMS, "0983999023");
        Recording sms = new Recording(smsCarrier);
        sms.notNow.add(code(marker, 2));
        MovableClock clock = twoDaysAhead();
        SendingNotifications sending = sender(clock, 100, sms, new Recording(emailCarrier));

        sending.sendDue();

        assertThat(sms.calls).hasSize(1);
        assertThat(row(good)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(row(alsoGood)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        Map<String, Object> refused = row(landline);
        assertThat(refused).containsEntry("status", "FAILED").containsEntry("attempts", 1).containsEntry("next_attempt_at", null);
        assertThat((String) refused.get("last_error")).as("the adapter names the refused field, never the number")
                .contains("mã 400").contains("trường to").doesNotContain("0205381234");
        Map<String, Object> retried = row(later);
        assertThat(retried).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(((Timestamp) retried.get("next_attempt_at")).toInstant()).isCloseTo(clock.instant().plus(settings.retryDelay()), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(sms(code(marker, 2))).isEmpty();
        assertThat(sms(code(marker, 1))).isEmpty();

        sms.notNow.clear();
        sending.sendDue();
        assertThat(row(later)).as("not yet due").containsEntry("status", "PENDING").containsEntry("attempts", 1);
        clock.advance(settings.retryDelay());
        sending.sendDue();

        assertThat(row(later)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(row(landline)).as("a FAILED message is not tried again").containsEntry("attempts", 1);
        assertThat(sms(code(marker, 2))).hasSize(1);
        assertThat(sms(code(marker, 0))).hasSize(1);
        assertThat(sms(code(marker, 3))).hasSize(1);
        assertThat(sms(code(marker, 1))).isEmpty();
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnce() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(pending(code(marker, i), NotificationChannel.SMS, "09839991" + String.format("%02d", i)));
        }
        for (int i = 60; i < 70; i++) {
            ids.add(pending(code(marker, i), NotificationChannel.EMAIL, "hai-nut" + i + "@example.vn"));
        }
        Instant at = Instant.now().plus(Duration.ofDays(2));
        Recording firstSms = new Recording(smsCarrier);
        Recording secondSms = new Recording(smsCarrier);
        SendingNotifications first = sender(new MovableClock(at), 10, firstSms, new Recording(emailCarrier));
        SendingNotifications second = sender(new MovableClock(at), 10, secondSms, new Recording(emailCarrier));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> {
                go.await();
                return first.sendDue();
            });
            Future<Integer> b = threads.submit(() -> {
                go.await();
                return second.sendDue();
            });
            go.countDown();
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(70);
        } finally {
            threads.shutdownNow();
        }

        List<String> taken = new ArrayList<>();
        firstSms.calls.forEach(taken::addAll);
        secondSms.calls.forEach(taken::addAll);
        List<String> mine = taken.stream().filter(r -> r.startsWith("LO-" + marker + "-")).toList();
        assertThat(mine).as("each SMS taken by one sender only").hasSize(60).doesNotHaveDuplicates();
        for (UUID id : ids) {
            assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        }
        for (int i = 0; i < 60; i += 7) {
            assertThat(sms(code(marker, i))).hasSize(1);
        }
        IntStream.range(60, 70).forEach(i -> assertThat(mailsFor(code(marker, i))).hasSize(1));
    }

    @Test
    void theSenderThreadSendsSoonAfterItIsWokenAndOnceStoppedLeavesMessagesPending() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        SendingNotifications sending = sender(twoDaysAhead(), 100, new Recording(smsCarrier), new Recording(emailCarrier));
        sending.start();
        UUID first;
        try {
            assertThat(sending.isRunning()).isTrue();
            first = pending(code(marker, 0), NotificationChannel.SMS, "0983999030");
            sending.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(row(first).get("status")));
        } finally {
            sending.stop();
        }
        assertThat(sending.isRunning()).isFalse();
        UUID second = pending(code(marker, 1), NotificationChannel.SMS, "0983999031");
        sending.wake();
        Thread.sleep(500);
        assertThat(row(second)).as("a stopped sender sends nothing; the message waits").containsEntry("status", "PENDING")
                .containsEntry("attempts", 0);
        sending.sendDue();
        assertThat(row(second)).containsEntry("status", "SENT");
        assertThat(sms(code(marker, 0))).hasSize(1);
        assertThat(sms(code(marker, 1))).hasSize(1);
    }

    @Test
    void theListenerOnlyRecordsAndTheMessagesLeaveOnceItsTransactionCommits() throws Exception {
        String code = submitOnline(citizenToken(CITIZEN), "records-only-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(15)).until(() -> sms(code).size() == 1);
        Instant at = Instant.now();
        DossierStatusChanged supplemented = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp",
                "SO-TP", DossierChannel.OWN_PORTAL, DossierStatus.SUBMITTED, DossierStatus.AWAITING_SUPPLEMENT, "SUPPLEMENTED", at, null,
                null, null, null);

        List<UUID> recorded = transactions.execute(status -> {
            List<UUID> ids = applicants.notify(supplemented);
            assertThat(jdbc.sql("select count(*) from notification where dossier_code = ? and event_action = 'SUPPLEMENTED'"
                            + " and status = 'PENDING' and attempts = 0").param(code).query(Integer.class).single())
                    .as("both recorded in the listener's transaction, none attempted").isEqualTo(2);
            try {
                Thread.sleep(300);
                assertThat(sms(code)).as("nothing sent before the commit").hasSize(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });

        assertThat(recorded).hasSize(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sms(code).size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded.stream().allMatch(id -> "SENT".equals(row(id).get("status"))));
        assertThat(sms(code).get(0).get("text").asString()).contains(code);
        assertThat(applicants.notify(supplemented)).as("the same event again").isEmpty();
        assertThat(jdbc.sql("select count(*) from notification where dossier_code = ?").param(code).query(Integer.class).single()).isEqualTo(4);
    }
}
