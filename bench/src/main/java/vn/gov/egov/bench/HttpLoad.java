package vn.gov.egov.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver for a running platform on this machine: C connections each send GET requests
 * back to back for D seconds (after a warm-up) over the given paths in turn; prints throughput and latency
 * percentiles. Bounded in time and only aimed at loopback.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) vn.gov.egov.bench.HttpLoad \
 *   http://localhost:8080 16 20 /api/v1/catalogs/admin-units/entries/05977 ...</pre>
 */
public final class HttpLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("Load is only sent to this machine (localhost), not to " + base.getHost());
        }
        int connections = Integer.parseInt(args[1]);
        int seconds = Math.min(Integer.parseInt(args[2]), 300);
        List<URI> targets = Arrays.stream(args, 3, args.length).map(p -> base.resolve(p)).toList();

        run(targets, connections, 5, false);
        Result result = run(targets, connections, seconds, true);
        System.out.printf("requests=%d errors=%d seconds=%d throughput=%.0f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                result.count, result.errors, seconds, result.count / (double) seconds,
                result.percentile(50), result.percentile(90), result.percentile(99), result.percentile(100));
    }

    record Result(long count, long errors, long[] latenciesNanos) {
        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    static Result run(List<URI> targets, int connections, int seconds, boolean record) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(targets.get(i++ % targets.size())).timeout(Duration.ofSeconds(10)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (record) {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - start;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), all);
    }
}
