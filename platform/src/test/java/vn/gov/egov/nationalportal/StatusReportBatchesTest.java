package vn.gov.egov.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.DirectConnections;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.lgsp.LgspConnections;

/**
 * Status reports are queued and sent in batches: through the LGSP in one call; a refused report is kept and never sent
 * again; a failed call loses nothing; a redelivered event stays one report on the portal; each dossier's reports arrive
 * in order; two senders at once send each report once.
 * <p>
 * The tests' reports are queued as due a day ahead and sent by senders of their own with that clock, so the platform's
 * own sender (which sends what is due now) never takes them.
 */
class StatusReportBatchesTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StatusReportQueue queue;

    @Autowired
    StatusReporting reporting;

    @Autowired
    LgspConnections lgsp;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private final Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    private SendingStatusReports sender(NationalPortalClient client, int batchSize) {
        return new SendingStatusReports(client, queue, transactions, batchSize, Duration.ofMillis(10), "-", Duration.ofSeconds(5),
                Duration.ofMinutes(10));
    }

    private NationalPortalClient throughLgsp() {
        return new NationalPortalClient(lgsp, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static String newCode() {
        return "SO-TP-261127-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DossierStatusChanged change(String code, DossierStatus status, Instant at, String procedureCode) {
        return new DossierStatusChanged(UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)), code, procedureCode,
                "Cấp Phiếu lý lịch tư pháp", "SO-TP", DossierChannel.IN_PERSON, status, DossierStatus.SUBMITTED, status.name(), at,
                LocalDate.of(2026, 12, 11), null, null, "Trả kết quả cho Nguyễn Văn An");
    }

    /** Queues the report as the listener would, but due tomorrow; returns its key. */
    private String enqueue(DossierStatusChanged changed) {
        String key = StatusReporting.reportKey(changed);
        assertThat(queue.enqueue(key, changed.dossierCode(), changed.status().nationalCode(),
                JSON.writeValueAsString(StatusReporting.report(changed)), tomorrow)).isTrue();
        return key;
    }

    private List<JsonNode> portalReports(String code) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort()
                + "/national-portal/api/province/status-reports?dossierCode=" + code)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).get("reports").forEach(list::add);
        return list;
    }

    private int queued(String key) {
        return jdbc.sql("select count(*) from portal_status_report where report_key = ?").param(key).query(Integer.class).single();
    }

    @Test
    void queuedReportsGoThroughTheLgspInOneBatchCall() throws Exception {
        List<String> codes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = newCode();
            codes.add(code);
            keys.add(enqueue(change(code, DossierStatus.RECEIVED, Instant.parse("2026-11-27T03:00:00Z"), "1.000001")));
        }
        String sealed = jdbc.sql("select report_sealed from portal_status_report where report_key = ?").param(keys.get(0))
                .query(String.class).single();
        assertThat(sealed).as("sealed at rest").startsWith("pd1:").doesNotContain("Nguyễn").doesNotContain(codes.get(0));

        SendingStatusReports.Sent sent = sender(throughLgsp(), 200).sendDue(tomorrow, tomorrow.plusSeconds(60), 200);

        assertThat(sent.calls()).isEqualTo(1);
        assertThat(sent.keys()).containsAll(keys);
        for (int i = 0; i < 5; i++) {
            List<JsonNode> reports = portalReports(codes.get(i));
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0).get("reportKey").asString()).isEqualTo(keys.get(i));
            assertThat(reports.get(0).get("status").asInt()).isEqualTo(2);
            assertThat(reports.get(0).get("note").asString()).isEqualTo("Trả kết quả cho Nguyễn Văn An");
            assertThat(queued(keys.get(i))).as("done: off the queue").isZero();
        }
        assertThat(queue.lastBatch()).hasValueSatisfying(b -> assertThat(b.error()).isNull());
    }

    @Test
    void aReportThePortalRefusesIsKeptWithItsReasonShownAndNeverSentAgain() throws Exception {
        String wrongCode = newCode();
        String goodCode = newCode();
        String wrong = enqueue(change(wrongCode, DossierStatus.RECEIVED, Instant.now(), "mã sai"));
        String good = enqueue(change(goodCode, DossierStatus.RECEIVED, Instant.now(), "1.000001"));
        SendingStatusReports sender = sender(throughLgsp(), 200);

        SendingStatusReports.Sent sent = sender.sendDue(tomorrow, tomorrow.plusSeconds(60), 200);

        assertThat(sent.calls()).isEqualTo(1);
        assertThat(sent.refused()).isGreaterThanOrEqualTo(1);
        assertThat(sent.keys()).contains(good).doesNotContain(wrong);
        assertThat(portalReports(goodCode)).hasSize(1);
        assertThat(portalReports(wrongCode)).isEmpty();
        assertThat(queue.refused(500)).filteredOn(r -> r.reportKey().equals(wrong)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("'procedureCode'").contains("1.000001"));

        SendingStatusReports.Sent later = sender.sendDue(tomorrow, tomorrow.plus(Duration.ofDays(1)), 200);
        assertThat(later.keys()).doesNotContain(wrong);
        assertThat(jdbc.sql("select attempts from portal_status_report where report_key = ?").param(wrong).query(Integer.class).single())
                .as("never sent again").isEqualTo(1);

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/admin/national-portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Báo cáo bị Cổng từ chối").contains(wrongCode).contains("procedureCode")
                .contains("data-report-key=\"" + wrong + "\"");
    }

    @Test
    void aFailedCallLosesNothingAndTheBatchIsSentAgainAfterTheBackOff() throws Exception {
        List<String> codes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String code = newCode();
            codes.add(code);
            keys.add(enqueue(change(code, DossierStatus.IN_PROGRESS, Instant.now(), "1.000001")));
        }
        Instant first = tomorrow.plusSeconds(60);
        SendingStatusReports.Sent unreachable = sender(new NationalPortalClient(DirectConnections.to("http://127.0.0.1:9"),
                Duration.ofMillis(500), Duration.ofSeconds(1)), 200).sendDue(tomorrow, first, 200);
        assertThat(unreachable.calls()).isEqualTo(1);
        assertThat(unreachable.failed()).isGreaterThanOrEqualTo(3);
        assertThat(unreachable.keys()).isEmpty();
        for (String key : keys) {
            assertThat(jdbc.sql("select attempts, next_attempt_at, last_error from portal_status_report where report_key = ?").param(key)
                    .query((rs, n) -> {
                        assertThat(rs.getInt("attempts")).isEqualTo(1);
                        assertThat(rs.getTimestamp("next_attempt_at").toInstant()).isEqualTo(first.plusSeconds(5));
                        assertThat(rs.getString("last_error")).contains("ResourceAccessException");
                        return true;
                    }).single()).isTrue();
        }

        // a portal answering 503, then 429: still kept, each failure doubles the wait
        int hours = 0;
        for (int status : new int[] {503, 429}) {
            Instant at = tomorrow.plus(Duration.ofHours(++hours));
            HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            failing.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            failing.start();
            try {
                SendingStatusReports.Sent sent = sender(new NationalPortalClient(DirectConnections.to("http://127.0.0.1:"
                        + failing.getAddress().getPort()), Duration.ofSeconds(2), Duration.ofSeconds(5)), 200).sendDue(tomorrow, at, 200);
                assertThat(sent.failed()).isGreaterThanOrEqualTo(3);
                assertThat(sent.keys()).isEmpty();
            } finally {
                failing.stop(0);
            }
        }
        for (String key : keys) {
            assertThat(jdbc.sql("select attempts || ' ' || last_error from portal_status_report where report_key = ?").param(key)
                    .query(String.class).single()).startsWith("3 HTTP 429");
        }

        SendingStatusReports sender = sender(throughLgsp(), 200);
        // the third failure's wait is 5 s · 2² = 20 s
        assertThat(sender.sendDue(tomorrow, tomorrow.plus(Duration.ofHours(2)).plusSeconds(15), 200).keys()).as("still waiting")
                .doesNotContainAnyElementsOf(keys);
        assertThat(sender.sendDue(tomorrow, tomorrow.plus(Duration.ofHours(3)), 200).keys()).containsAll(keys);
        for (String code : codes) {
            assertThat(portalReports(code)).hasSize(1);
        }
    }

    @Test
    void aRedeliveredEventIsKeptOnceByThePortal() throws Exception {
        String code = newCode();
        DossierStatusChanged returned = change(code, DossierStatus.RETURNED, Instant.now(), "1.000001");
        String key = StatusReporting.reportKey(returned);
        reporting.on(returned);
        reporting.on(returned);
        assertThat(queued(key)).as("queued once at most").isLessThanOrEqualTo(1);
        // the platform's own sender, woken by the enqueue
        await().atMost(Duration.ofSeconds(15)).until(() -> portalReports(code).size() == 1 && queued(key) == 0);

        // redelivered after it was sent: queued again, sent again, the portal answers "duplicate"
        assertThat(queue.enqueue(key, code, 10, JSON.writeValueAsString(StatusReporting.report(returned)), tomorrow)).isTrue();
        SendingStatusReports.Sent again = sender(throughLgsp(), 200).sendDue(tomorrow, tomorrow.plusSeconds(60), 200);
        assertThat(again.keys()).contains(key);
        assertThat(again.duplicate()).isGreaterThanOrEqualTo(1);
        assertThat(queued(key)).isZero();
        assertThat(portalReports(code)).singleElement().satisfies(r -> {
            assertThat(r.get("reportKey").asString()).isEqualTo(key);
            assertThat(r.get("status").asInt()).isEqualTo(10);
        });
    }

    @Test
    void aDossiersReportsReachThePortalInOrderEvenWhenAnEarlierOneIsHeldByAnotherSender() throws Exception {
        String code = newCode();
        String other = newCode();
        Instant t = Instant.parse("2026-11-27T03:00:00Z");
        List<String> keys = new ArrayList<>();
        for (DossierStatus status : List.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS,
                DossierStatus.RESOLVED)) {
            t = t.plusSeconds(60);
            keys.add(enqueue(change(code, status, t, "1.000001")));
        }
        String otherKey = enqueue(change(other, DossierStatus.RECEIVED, t, "1.000001"));

        // another node holds the dossier's first report (its batch call is under way)
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("select seq from portal_status_report where report_key = ? for update").param(keys.get(0)).query(Long.class).single();
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        SendingStatusReports sender = sender(throughLgsp(), 200);
        SendingStatusReports.Sent meanwhile = sender.sendDue(tomorrow, tomorrow.plusSeconds(60), 200);
        release.countDown();
        otherNode.get(10, TimeUnit.SECONDS);

        assertThat(meanwhile.keys()).contains(otherKey).doesNotContainAnyElementsOf(keys);
        assertThat(meanwhile.held()).isGreaterThanOrEqualTo(3);
        assertThat(portalReports(code)).isEmpty();

        assertThat(sender.sendDue(tomorrow, tomorrow.plusSeconds(120), 200).keys()).containsSubsequence(keys);
        assertThat(portalReports(code)).extracting(r -> r.get("reportKey").asString()).containsExactlyElementsOf(keys);
        assertThat(portalReports(code)).extracting(r -> r.get("status").asInt()).containsExactly(1, 2, 4, 9);
    }

    @Test
    void twoSendersAtOnceSendEachReportOnce() throws Exception {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            keys.add(enqueue(change(newCode(), DossierStatus.RECEIVED, Instant.now(), "1.000001")));
        }
        // both senders hold a locked batch at the same moment: each waits for the other inside its first call
        CyclicBarrier bothInACall = new CyclicBarrier(2);
        AtomicBoolean first = new AtomicBoolean(true);
        NationalPortalClient meetingClient = new NationalPortalClient(lgsp, Duration.ofSeconds(5), Duration.ofSeconds(30)) {
            @Override
            List<BatchAnswer> reportBatch(List<String> reportsJson) {
                if (first.get()) {
                    try {
                        bothInACall.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other sender never called", e);
                    }
                }
                return super.reportBatch(reportsJson);
            }
        };
        Instant due = tomorrow.plusSeconds(60);
        List<CompletableFuture<List<String>>> runs = new ArrayList<>();
        // two threads of its own: the common pool may have one thread on two cores (then the senders never meet)
        java.util.concurrent.ExecutorService twoThreads = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int n = 0; n < 2; n++) {
            SendingStatusReports sender = sender(meetingClient, 30);
            runs.add(CompletableFuture.supplyAsync(() -> {
                List<String> sentKeys = new ArrayList<>();
                SendingStatusReports.Sent sent;
                do {
                    sent = sender.sendDue(tomorrow, due, 30);
                    first.set(false);
                    sentKeys.addAll(sent.keys());
                } while (sent.considered() > 0);
                return sentKeys;
            }, twoThreads));
        }
        List<String> a;
        List<String> b;
        try {
            a = runs.get(0).get(60, TimeUnit.SECONDS);
            b = runs.get(1).get(60, TimeUnit.SECONDS);
        } finally {
            twoThreads.shutdownNow();
        }

        assertThat(a).filteredOn(keys::contains).isNotEmpty();
        assertThat(b).filteredOn(keys::contains).isNotEmpty();
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        assertThat(both).filteredOn(keys::contains).as("each report sent once").doesNotHaveDuplicates().hasSize(keys.size());
        for (String key : keys) {
            assertThat(queued(key)).isZero();
        }
    }
}
