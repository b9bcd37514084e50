package vn.gov.egov.bench;

import java.io.IOException;
import java.net.URI;
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
 * An OPEN loop: request i is due at {@code start + i / rate} whatever the answers do, and its latency is measured from
 * that intended time, so a server (or a driver) that falls behind is counted as waiting (no coordinated omission).
 * Whichever of the {@code connections} driver threads (each with its own kept-alive {@link RawHttp} connection) is free
 * takes the next request, waits for its time, sends it and reads the answer; when every thread is still waiting for
 * an answer, the next request goes out late and its wait counts. Used by the status look-up and by the sustained phase
 * of the submissions.
 */
final class OpenLoop {

    /** Sends request number {@code i} on the thread's connection. */
    @FunctionalInterface
    interface Exchange {
        RawHttp.Response send(RawHttp http, long i) throws IOException;
    }

    /** What a run did: every latency answered as expected, the errors, and how well the driver kept its schedule. */
    static final class Run {
        long scheduled;
        long[] latencies;
        /** Request i's latency at index i, -1 when it failed. */
        long[] byIndex;
        int rate;
        double elapsedSeconds;
        long maxSendLagNanos;
        long sendSpanNanos;
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();

        /** The requests sent per second over the time they were sent in. */
        double sentRate() {
            return scheduled / (sendSpanNanos / 1e9);
        }

        /** The requests answered as expected per second, from the first one's intended time to the last answer. */
        double answeredRate() {
            return latencies.length / elapsedSeconds;
        }

        /** The p99 of each {@code window} seconds of the schedule, in ms: where the run fell behind, and for how long. */
        String p99Timeline(int window) {
            StringBuilder out = new StringBuilder();
            int per = window * rate;
            for (int from = 0; from < byIndex.length; from += per) {
                long[] part = Arrays.stream(byIndex, from, Math.min(byIndex.length, from + per)).filter(l -> l >= 0).sorted().toArray();
                out.append(out.isEmpty() ? "" : " ").append(Math.round(percentile(part, 99)));
            }
            return out.toString();
        }

        /** p50, p90, p99, p99.9 and max of the answered requests, from their intended send times. */
        String percentiles() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return "p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms".formatted(percentile(sorted, 50),
                    percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 99.9), percentile(sorted, 100));
        }
    }

    private OpenLoop() {
    }

    /**
     * Sends {@code rate × seconds} requests; an answer with another status than {@code expectedStatus}, or none within
     * {@code timeoutMillis}, is an error, and so is a request still unsent or unanswered 30 s after the last one was due.
     */
    static Run run(URI platform, int rate, int seconds, int connections, int timeoutMillis, int expectedStatus, Exchange exchange)
            throws Exception {
        Run run = new Run();
        long count = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) count];
        Arrays.fill(latencies, -1);
        AtomicLong next = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        AtomicLong lastSend = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        long deadline = start + count * interval + TimeUnit.SECONDS.toNanos(30);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp(platform, timeoutMillis)) {
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
                            RawHttp.Response response = exchange.send(http, i);
                            long done = System.nanoTime();
                            lastAnswer.accumulateAndGet(done, Math::max);
                            if (response.status() != expectedStatus) {
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
        // the schedule's length, or longer when the answers came later (a run that fell behind answers at a lower rate)
        run.elapsedSeconds = Math.max(lastIntended - start + interval, lastAnswer.get() - start) / 1e9;
        run.scheduled = count;
        run.latencies = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        run.byIndex = latencies;
        run.rate = rate;
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
