package vn.gov.egov.lgsp.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The writer and its chain, each test on a node of its own (so that other tests' records and the shared context's
 * writer are not involved); a test's rows are removed afterwards so that tampering never leaks into other tests.
 */
class MessageLogWriterTest extends PlatformTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PersonalDataProtection protection;
    @Autowired
    MessageLog sharedLog;
    @Autowired
    MessageLogQueries sharedQueries;

    private final List<String> nodes = new ArrayList<>();

    @AfterEach
    void removeTestNodes() {
        for (String node : nodes) {
            jdbc.update("DELETE FROM lgsp_log_record WHERE node_id = ?", node);
            jdbc.update("DELETE FROM lgsp_log_chain WHERE node_id = ?", node);
        }
    }

    private String node() {
        String node = "test-" + UUID.randomUUID();
        nodes.add(node);
        return node;
    }

    private MessageLogStore store() {
        return new MessageLogStore(jdbc, transactions, protection);
    }

    private MessageLogWriter writer(MessageLogStore store, String node, int capacity) {
        return new MessageLogWriter(store, node, capacity, Duration.ofMillis(200), 500, new SimpleMeterRegistry());
    }

    private JdbcMessageLogQueries queries(MessageLogStore store, MessageLogWriter writer) {
        return new JdbcMessageLogQueries(store, writer, new ChainVerifier(store, Clock.systemUTC()), Clock.systemUTC());
    }

    static LoggedCall call(String requestId, int status, String errorClass, byte[] request, byte[] response) {
        return new LoggedCall(requestId, Instant.now(), "CALL", "SO-TEST/HE-THONG", "client-1", "BCA/CSDLQGDC/cong-dan/v1",
                "GET", "/cong-dan/001099000001", status, errorClass, request == null ? 0 : request.length,
                response == null ? 0 : response.length, 1500, 1200, null, null, SecurityLevel.CONFIDENTIAL, request,
                response);
    }

    private List<ChainCheck.Problem> problemsOf(ChainCheck check, String node) {
        return check.problems().stream().filter(p -> p.nodeId().equals(node)).toList();
    }

    @Test
    void recordsAreWrittenInOrderAsAnUnbrokenChain() {
        String node = node();
        MessageLogStore store = store();
        MessageLogWriter writer = writer(store, node, 10_000);
        writer.start();
        try {
            String run = UUID.randomUUID().toString();
            for (int i = 0; i < 1200; i++) {
                writer.record(call(run + "-" + i, 200, null, null, null));
            }
            assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
        } finally {
            writer.stop();
        }
        List<String> ids = jdbc.queryForList("SELECT request_id FROM lgsp_log_record WHERE node_id = ? ORDER BY sequence",
                String.class, node);
        assertThat(ids).hasSize(1200);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).endsWith("-" + i);
        }
        assertThat(jdbc.queryForObject("SELECT head_sequence FROM lgsp_log_chain WHERE node_id = ?", Long.class, node))
                .isEqualTo(1200);
        ChainCheck check = queries(store, writer).verify(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60));
        assertThat(problemsOf(check, node)).isEmpty();
        assertThat(check.recordsChecked()).isGreaterThanOrEqualTo(1200);
    }

    @Test
    void aRestartedWriterContinuesTheChainFromTheTable() {
        String node = node();
        MessageLogStore store = store();
        MessageLogWriter first = writer(store, node, 100);
        first.start();
        first.record(call("a", 200, null, null, null));
        first.stop();
        MessageLogWriter second = writer(store, node, 100);
        second.start();
        second.record(call("b", 200, null, null, null));
        second.stop();
        List<String> previous = jdbc.queryForList("SELECT previous_hash FROM lgsp_log_record WHERE node_id = ? ORDER BY sequence",
                String.class, node);
        List<String> hashes = jdbc.queryForList("SELECT hash FROM lgsp_log_record WHERE node_id = ? ORDER BY sequence",
                String.class, node);
        assertThat(previous).hasSize(2);
        assertThat(previous.get(0)).isEqualTo(LogRow.GENESIS);
        assertThat(previous.get(1)).isEqualTo(hashes.get(0));
        assertThat(problemsOf(queries(store, second).verify(null, null), node)).isEmpty();
    }

    @Test
    void aRecordChangedInTheTableIsNamedByVerification() {
        String node = node();
        MessageLogStore store = store();
        MessageLogWriter writer = writer(store, node, 100);
        writer.start();
        String run = UUID.randomUUID().toString();
        for (int i = 1; i <= 10; i++) {
            writer.record(call(run + "-" + i, 200, null, null, null));
        }
        writer.stop();
        jdbc.update("UPDATE lgsp_log_record SET status = 500 WHERE node_id = ? AND sequence = 4", node);
        jdbc.update("UPDATE lgsp_log_record SET consumer = 'SO-KHAC/HE-THONG' WHERE node_id = ? AND sequence = 7", node);

        List<ChainCheck.Problem> problems = problemsOf(queries(store, writer).verify(null, null), node);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).sequence()).isEqualTo(4);
        assertThat(problems.get(0).requestId()).isEqualTo(run + "-4");
        assertThat(problems.get(0).kind()).isEqualTo(ChainCheck.Kind.HASH_MISMATCH);
        assertThat(problems).extracting(ChainCheck.Problem::sequence).containsExactly(4L, 7L);
    }

    @Test
    void deletedRecordsAreNamedByVerification() {
        String node = node();
        MessageLogStore store = store();
        MessageLogWriter writer = writer(store, node, 100);
        writer.start();
        for (int i = 1; i <= 6; i++) {
            writer.record(call("d-" + i, 200, null, null, null));
        }
        writer.stop();
        jdbc.update("DELETE FROM lgsp_log_record WHERE node_id = ? AND sequence IN (3, 6)", node);

        List<ChainCheck.Problem> problems = problemsOf(queries(store, writer).verify(null, null), node);

        assertThat(problems).extracting(ChainCheck.Problem::sequence, ChainCheck.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, ChainCheck.Kind.MISSING),
                        org.assertj.core.groups.Tuple.tuple(6L, ChainCheck.Kind.MISSING));
    }

    @Test
    void bodiesAreSealedInTheTableAndOpenOnDemand() {
        String node = node();
        MessageLogStore store = store();
        MessageLogWriter writer = writer(store, node, 100);
        byte[] request = "{\"soDinhDanh\":\"001099000001\"}".getBytes(StandardCharsets.UTF_8);
        byte[] response = "{\"hoTen\":\"Nguyễn Văn An\",\"soDinhDanh\":\"001099000001\"}".getBytes(StandardCharsets.UTF_8);
        writer.start();
        writer.record(call("bodies", 200, null, request, response));
        writer.record(call("no-bodies", 200, null, null, null));
        writer.stop();

        var stored = jdbc.queryForMap("SELECT request_body, response_body FROM lgsp_log_record WHERE node_id = ?"
                + " AND request_id = 'bodies'", node);
        for (Object sealed : stored.values()) {
            String text = (String) sealed;
            assertThat(text).startsWith("pd1:").doesNotContain("001099000001").doesNotContain("Nguy")
                    .doesNotContain(Base64.getEncoder().encodeToString(request))
                    .doesNotContain(Base64.getEncoder().encodeToString(response));
        }
        assertThat(jdbc.queryForObject("SELECT request_body FROM lgsp_log_record WHERE node_id = ?"
                + " AND request_id = 'no-bodies'", String.class, node)).isNull();

        JdbcMessageLogQueries queries = queries(store, writer);
        LogRecord record = queries.byRequestId("bodies").stream().filter(r -> r.nodeId().equals(node)).findFirst().orElseThrow();
        assertThat(record.hasRequestBody()).isTrue();
        assertThat(record.hasResponseBody()).isTrue();
        LogBodies bodies = queries.bodies(node, record.sequence()).orElseThrow();
        assertThat(bodies.request()).isEqualTo(request);
        assertThat(bodies.response()).isEqualTo(response);
        assertThat(problemsOf(queries.verify(null, null), node)).isEmpty();
    }

    @Test
    void stoppingWritesEverythingQueued() throws Exception {
        String node = node();
        CountDownLatch release = new CountDownLatch(1);
        MessageLogStore slow = new MessageLogStore(jdbc, transactions, protection) {
            @Override
            List<LogRow> append(String nodeId, List<LoggedCall> calls) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.append(nodeId, calls);
            }
        };
        MessageLogWriter writer = writer(slow, node, 100_000);
        writer.start();
        for (int i = 0; i < 5000; i++) {
            writer.record(call("stop-" + i, 200, null, null, null));
        }
        assertThat(writer.queued()).isGreaterThan(0);
        Thread stopper = new Thread(writer::stop);
        stopper.start();
        release.countDown();
        stopper.join(30_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lgsp_log_record WHERE node_id = ?", Long.class, node))
                .isEqualTo(5000);
        assertThat(writer.queued()).isZero();
        // after stopping, a late record is still written (on the caller's thread)
        writer.record(call("late", 200, null, null, null));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lgsp_log_record WHERE node_id = ?", Long.class, node))
                .isEqualTo(5001);
        assertThat(problemsOf(queries(store(), writer).verify(null, null), node)).isEmpty();
    }

    @Test
    void recordReturnsWhileTheWriterIsBlockedAndAFullQueueSlowsButNeverDrops() throws Exception {
        String node = node();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        MessageLogStore blocked = new MessageLogStore(jdbc, transactions, protection) {
            @Override
            List<LogRow> append(String nodeId, List<LoggedCall> calls) {
                writing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.append(nodeId, calls);
            }
        };
        MessageLogWriter writer = writer(blocked, node, 50);
        writer.start();
        try {
            writer.record(call("first", 200, null, null, null));
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
            // the writer is stuck in the database: recording still returns at once while there is room
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                writer.record(call("queued-" + i, 200, null, null, null));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
            // a full queue makes the caller wait (200 ms here), then the record is queued anyway
            started = System.nanoTime();
            writer.record(call("over", 200, null, null, null));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(writer.queued()).isEqualTo(51);
            release.countDown();
            assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
        } finally {
            release.countDown();
            writer.stop();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lgsp_log_record WHERE node_id = ?", Long.class, node))
                .isEqualTo(52);
    }

    @Test
    void theSharedMessageLogWritesAndFindsByRequestIdAndSearch() {
        String requestId = UUID.randomUUID().toString();
        sharedLog.record(call(requestId, 429, "gateway.quota_exceeded", null, null));
        assertThat(sharedQueries.flush(Duration.ofSeconds(10))).isTrue();

        List<LogRecord> found = sharedQueries.byRequestId(requestId);
        assertThat(found).hasSize(1);
        LogRecord record = found.get(0);
        assertThat(record.status()).isEqualTo(429);
        assertThat(record.outcome()).isEqualTo("gateway_error");
        assertThat(record.at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        LogPage page = sharedQueries.search(new LogSearch(null, "SO-TEST/HE-THONG", "BCA/", "CALL",
                Instant.now().minusSeconds(600), null, 429, "gateway."), 0, 20);
        assertThat(page.records()).extracting(LogRecord::requestId).contains(requestId);
        assertThat(sharedQueries.search(new LogSearch(requestId, null, null, null, null, null, null, "ok"), 0, 20)
                .records()).isEmpty();
    }
}
