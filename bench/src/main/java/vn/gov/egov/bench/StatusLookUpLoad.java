package vn.gov.egov.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The public status look-up {@code GET /api/v1/dossiers/{code}/status} in an {@link OpenLoop}: requests are sent at a
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
        List<byte[]> requests = targets.stream().map(t -> RawHttp.head("GET", t, -1, "Accept: application/json")).toList();
        OpenLoop.Exchange lookUp = (http, i) -> http.exchange(requests.get((int) (i % requests.size())), null, true);
        OpenLoop.run(platform, rate, warmup, connections, 10_000, 200, lookUp);
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot before = cpu.snapshot();
        OpenLoop.Run result = OpenLoop.run(platform, rate, seconds, connections, 10_000, 200, lookUp);
        ProcessCpu.Snapshot after = cpu.snapshot();
        System.out.printf("status look-up (open loop): target=%d req/s seconds=%d codes=%d scheduled=%d sent at %.1f req/s answered=%d errors=%d "
                        + "answered rate=%.1f req/s %s (from the intended send time; sender lag max %.2f ms)%n",
                rate, seconds, codes.size(), result.scheduled, result.sentRate(), result.latencies.length, result.errors.get(),
                result.answeredRate(), result.percentiles(), result.maxSendLagNanos / 1e6);
        System.out.println(cpu.perOperation(before, after, result.scheduled, "look-up"));
        if (result.firstError.get() != null) {
            System.out.println("first error: " + result.firstError.get());
        }
        System.exit(0);
    }
}
