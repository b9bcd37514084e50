package vn.gov.egov.lgsp.messagelog;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The message log's throughput: {@code threads} callers (standing in for the gateway's request threads) call
 * {@link MessageLog#record} as fast as they can; one writer appends to the hash chain in batches (one
 * {@code INSERT ... unnest} per transaction) on an embedded PostgreSQL 17 (fresh temporary directory, the log's own
 * Flyway migrations). Reports the callers' rate and {@code record} latency, the rate of records written (hashed, with
 * bodies sealed with AES-256-GCM when asked, and committed), and the time to verify the chain.
 *
 * <p>Usage: {@code MessageLogThroughput [records=300000] [threads=8] [bodyBytes=0] [batch=500] [rate=0]}: rate is
 * the callers' total calls per second (open loop, e.g. 3000 for the gateway's target), 0 for as fast as they can
 * (closed loop: the queue fills and callers wait for the writer, which then shows the writer's capacity).
 */
public final class MessageLogThroughput {

    private MessageLogThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int bodyBytes = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path dir = Files.createTempDirectory("messagelog-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
             HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/lgsp").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            DataSourceTransactionManager tx = new DataSourceTransactionManager(ds);
            MessageLogStore store = new MessageLogStore(jdbc, tx, new BenchProtection());
            MessageLogWriter writer = new MessageLogWriter(store, "bench-node", 100_000, Duration.ofSeconds(1), batch,
                    new SimpleMeterRegistry());
            byte[] body = bodyBytes == 0 ? null : new byte[bodyBytes];
            if (body != null) {
                Arrays.fill(body, (byte) 'x');
            }
            // warm-up
            writer.start();
            run(writer, 20_000, threads, body, 0);
            writer.flush(Duration.ofMinutes(5));
            jdbc.update("TRUNCATE lgsp_log_record, lgsp_log_minute");
            jdbc.update("DELETE FROM lgsp_log_chain");
            writer.stop();

            writer = new MessageLogWriter(store, "bench-node", 100_000, Duration.ofSeconds(1), batch, new SimpleMeterRegistry());
            writer.start();
            long started = System.nanoTime();
            long[] latencies = run(writer, records, threads, body, rate);
            long recorded = System.nanoTime();
            if (!writer.flush(Duration.ofMinutes(30))) {
                throw new IllegalStateException("not written within 30 minutes");
            }
            long written = System.nanoTime();
            writer.stop();
            long count = jdbc.queryForObject("SELECT count(*) FROM lgsp_log_record", Long.class);
            Arrays.sort(latencies);
            long verifyStart = System.nanoTime();
            ChainCheck check = new ChainVerifier(store, Clock.systemUTC()).verify(null, null);
            long verified = System.nanoTime();
            System.out.printf("records=%,d threads=%d bodies=%s batch=%d rate=%s%n", records, threads,
                    body == null ? "none" : bodyBytes + " B request + " + bodyBytes + " B response, sealed", batch,
                    rate == 0 ? "as fast as possible" : rate + "/s");
            System.out.printf("record(): %,.0f calls/s from %d threads; latency p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f ms%n",
                    records / seconds(started, recorded), threads, latencies[latencies.length / 2] / 1e3,
                    latencies[(int) (latencies.length * 0.99)] / 1e3, latencies[(int) (latencies.length * 0.999)] / 1e3,
                    latencies[latencies.length - 1] / 1e6);
            System.out.printf("written (hash-chained, committed): %,d records in %.2f s = %,.0f records/s%n", count,
                    seconds(started, written), count / seconds(started, written));
            System.out.printf("chain verified: ok=%s, %,d records in %.2f s (%,.0f records/s)%n", check.ok(),
                    check.recordsChecked(), seconds(verifyStart, verified), check.recordsChecked() / seconds(verifyStart, verified));
            System.out.printf("load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf("table with indexes: %s%n", jdbc.queryForObject(
                    "SELECT pg_size_pretty(pg_total_relation_size('lgsp_log_record'))", String.class));
        } finally {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** Records {@code n} calls from {@code threads} threads; returns each call's latency in nanoseconds. */
    private static long[] run(MessageLog log, int n, int threads, byte[] body, int rate) throws InterruptedException {
        long[] latencies = new long[n];
        long begin = System.nanoTime();
        double interval = rate == 0 ? 0 : 1e9 / rate;
        AtomicLong next = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        Instant at = Instant.now();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < n) {
                    LoggedCall call = new LoggedCall(UUID.randomUUID().toString(), at.plusNanos(i * 1000), "CALL",
                            "SO-TP/HTQL-" + (i % 20), "client-" + (i % 20), "BCA/CSDLQGDC/cong-dan-" + (i % 10) + "/v1",
                            "POST", "/tra-cuu", i % 50 == 0 ? 502 : 200, i % 50 == 0 ? "provider.error" : null, 1024, 1024,
                            1_500 + i % 1000, 1_000 + i % 900, "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
                            "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", SecurityLevel.INTERNAL, body, body);
                    if (interval > 0) {
                        long due = begin + (long) (i * interval);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    long s = System.nanoTime();
                    log.record(call);
                    latencies[(int) i] = System.nanoTime() - s;
                }
                done.countDown();
            });
            thread.start();
        }
        done.await();
        return latencies;
    }

    /** AES-256-GCM with a random key, the same work as the platform's personal-data protection. */
    private static final class BenchProtection implements PersonalDataProtection {

        private final SecretKeySpec key;
        private final SecureRandom random = new SecureRandom();

        BenchProtection() {
            byte[] k = new byte[32];
            random.nextBytes(k);
            key = new SecretKeySpec(k, "AES");
        }

        @Override
        public String seal(String purpose, String plaintext) {
            try {
                byte[] iv = new byte[12];
                random.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
                byte[] all = new byte[12 + sealed.length];
                System.arraycopy(iv, 0, all, 0, 12);
                System.arraycopy(sealed, 0, all, 12, sealed.length);
                return "pd1:bench:" + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String open(String purpose, String sealed) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public String activeKeyId() {
            return "bench";
        }

        @Override
        public boolean isSealedWithActiveKey(String sealed) {
            return true;
        }

        @Override
        public String reseal(String purpose, String sealed) {
            return sealed;
        }

        @Override
        public String lookupKey(String purpose, String normalizedValue) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
