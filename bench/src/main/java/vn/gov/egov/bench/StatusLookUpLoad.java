package vn.gov.egov.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * {@code -Dbench.warmup} seconds (10) at the same rate, not recorded. A request still unanswered 10 s after its
 * time is an error.
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

        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
        run(client, targets, rate, warmup);
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot before = cpu.snapshot();
        Run result = run(client, targets, rate, seconds);
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
        executor.shutdownNow();
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

    static Run run(HttpClient client, List<URI> targets, int rate, int seconds) throws Exception {
        Run run = new Run();
        long count = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) count];
        Arrays.fill(latencies, -1);
        List<CompletableFuture<Void>> pending = new ArrayList<>((int) count);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            run.maxSendLagNanos = Math.max(run.maxSendLagNanos, System.nanoTime() - intended);
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(targets.get(i % targets.size())).timeout(Duration.ofSeconds(10)).build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
                long done = System.nanoTime();
                if (failure != null || response.statusCode() != 200) {
                    run.errors.incrementAndGet();
                    run.firstError.compareAndSet(null, failure != null ? failure.toString()
                            : response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                } else {
                    latencies[index] = done - intended;
                }
                return null;
            }));
        }
        long lastIntended = start + (count - 1) * interval;
        run.sendSpanNanos = System.nanoTime() - start;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            run.errors.addAndGet(pending.stream().filter(f -> !f.isDone()).count());
            run.firstError.compareAndSet(null, "unanswered 30 s after the last send");
        }
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
