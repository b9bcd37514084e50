package vn.gov.egov.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The public status look-up {@code GET /api/v1/dossiers/{code}/status} in an OPEN loop: requests are sent at a
 * fixed rate whatever the answers do, and each latency is measured from the request's intended send time (the
 * schedule), so a server or a driver that falls behind is counted as waiting (no coordinated omission).
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" vn.gov.egov.bench.StatusLookUpLoad \
 *   http://127.0.0.1:18080 codes.txt [rate=500] [seconds=30]</pre>
 * {@code codes.txt}: one dossier code a line (written by {@link SubmissionLoad}), used in turn. Warm-up:
 * {@code -Dbench.warmup} seconds (10) at the same rate, not recorded. Sent from {@code -Dbench.connections} (32)
 * kept-alive connections written by hand ({@link RawHttp}). An answer slower than 10 s is an error.
 */
public final class StatusLookUpLoad {

    public static void main(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        CitizenTokens.requireLoopback(platform);
        List<String> codes = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no dossier code in " + args[1]);
        }
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int seconds = Math.min(args.length > 3 ? Integer.parseInt(args[3]) : 30, 300);
        int warmup = Integer.getInteger("bench.warmup", 10);
        List<URI> targets = codes.stream().map(c -> platform.resolve("/api/v1/dossiers/" + c + "/status")).toList();

        int connections = Integer.getInteger("bench.connections", 32);
        run(platform, targets, rate, warmup, connections);
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot before = cpu.snapshot();
        Run result = run(platform, targets, rate, seconds, connections);
        ProcessCpu.Snapshot after = cpu.snapshot();
        long[] sorted = result.latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("status look-up (open loop): target=%d req/s seconds=%d codes=%d scheduled=%d sent at %.1f req/s answered=%d errors=%d "
                        + "answered rate=%.1f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms "
                        + "(from the intended send time; sender lag max %.2f ms)%n",
                rate, seconds, codes.size(), result.scheduled, result.scheduled / (result.sendSpanNanos / 1e9), sorted.length, result.errors.get(),
                sorted.length / result.elapsedSeconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                percentile(sorted, 99.9), percentile(sorted, 100), result.maxSendLagNanos / 1e6);
        System.out.println(cpu.perOperation(before, after, result.scheduled, "look-up"));
        if (result.firstError.get() != null) {
            System.out.println("first error: " + result.firstError.get());
        }
        System.exit(0);
    }

    static final class Run {
        long scheduled;
        long[] latencies;
        double elapsedSeconds;
        long maxSendLagNanos;
        long sendSpanNanos;
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
    }

    /**
     * Sends request i at {@code start + i / rate} from whichever of the {@code connections} driver threads (each with its
     * own kept-alive {@link RawHttp} connection) takes it: a thread waits for its request's time, sends, and reads the
     * answer; when every thread is still waiting for an answer, the next request goes out late and its wait counts.
     */
    static Run run(URI platform, List<URI> targets, int rate, int seconds, int connections) throws Exception {
        Run run = new Run();
        long count = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) count];
        Arrays.fill(latencies, -1);
        List<byte[]> requests = targets.stream().map(t -> RawHttp.head("GET", t, -1, "Accept: application/json")).toList();
        AtomicLong next = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        AtomicLong lastSend = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        long deadline = start + count * interval + TimeUnit.SECONDS.toNanos(30);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp(platform, 10_000)) {
                    long i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long intended = start + i * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        maxLag.accumulateAndGet(sent - intended, Math::max);
                        lastSend.accumulateAndGet(sent, Math::max);
                        try {
                            RawHttp.Response response = http.exchange(requests.get((int) (i % requests.size())), null, true);
                            long done = System.nanoTime();
                            if (response.status() != 200) {
                                run.errors.incrementAndGet();
                                run.firstError.compareAndSet(null, response.status() + " " + response.text());
                            } else {
                                latencies[(int) i] = done - intended;
                            }
                        } catch (IOException e) {
                            run.errors.incrementAndGet();
                            run.firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        long lastIntended = start + (count - 1) * interval;
        run.sendSpanNanos = Math.max(1, lastSend.get() - start);
        long unanswered = count - run.errors.get() - Arrays.stream(latencies).filter(l -> l >= 0).count();
        if (unanswered > 0) {
            run.errors.addAndGet(unanswered);
            run.firstError.compareAndSet(null, unanswered + " not sent or unanswered 30 s after the last send time");
        }
        run.maxSendLagNanos = maxLag.get();
        run.elapsedSeconds = Math.max(1e-9, (lastIntended - start + interval) / 1e9);
        run.scheduled = count;
        run.latencies = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        return run;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
