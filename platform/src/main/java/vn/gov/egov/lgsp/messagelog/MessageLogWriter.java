package vn.gov.egov.lgsp.messagelog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@link MessageLog}: {@link #record} only queues (no database work, no sealing, no hashing on the caller's
 * thread); one writer thread per node takes what is queued, up to a batch, and appends it to the node's chain in one
 * transaction. A full queue makes callers wait up to {@code fullQueueWait}, then queue anyway: nothing is dropped. A
 * failed batch is retried with back-off, in order. Stopping (after the web server has stopped taking requests)
 * writes everything queued; a record arriving after that is written on the caller's thread (shutdown only).
 */
class MessageLogWriter implements MessageLog, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageLogWriter.class);
    /** Stops after the web server (graceful shutdown is at DEFAULT_PHASE - 1024) and other senders. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final int ATTEMPTS_WHEN_STOPPING = 5;

    private final MessageLogStore store;
    private final String nodeId;
    private final int capacity;
    private final long fullQueueWaitNanos;
    private final int batchSize;
    private final LinkedBlockingQueue<LoggedCall> queue = new LinkedBlockingQueue<>();
    private final Object space = new Object();
    private final Object progress = new Object();
    private final Object writing = new Object();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Counter writtenCounter;
    private final Counter failures;
    private final Counter fullWaits;
    private final Timer batches;
    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean stopped;

    MessageLogWriter(MessageLogStore store, String nodeId, int capacity, Duration fullQueueWait, int batchSize,
                     MeterRegistry meters) {
        this.store = store;
        this.nodeId = nodeId;
        this.capacity = capacity;
        this.fullQueueWaitNanos = fullQueueWait.toNanos();
        this.batchSize = batchSize;
        Gauge.builder("lgsp.messagelog.queue.size", queue, LinkedBlockingQueue::size)
                .description("Records waiting to be written to the message log").tag("node", nodeId).register(meters);
        Gauge.builder("lgsp.messagelog.queue.fill", this, MessageLogWriter::fill)
                .description("Queue size over capacity (0..1, above 1 when callers queued past a full queue)")
                .tag("node", nodeId).register(meters);
        this.writtenCounter = Counter.builder("lgsp.messagelog.written").description("Records written")
                .tag("node", nodeId).register(meters);
        this.failures = Counter.builder("lgsp.messagelog.failures").description("Batches that failed and were retried")
                .tag("node", nodeId).register(meters);
        this.fullWaits = Counter.builder("lgsp.messagelog.full_waits")
                .description("Calls to record that waited for a full queue").tag("node", nodeId).register(meters);
        this.batches = Timer.builder("lgsp.messagelog.batch").description("Writing one batch")
                .tag("node", nodeId).register(meters);
    }

    String nodeId() {
        return nodeId;
    }

    int queued() {
        return queue.size();
    }

    double fill() {
        return (double) queue.size() / capacity;
    }

    @Override
    public void record(LoggedCall call) {
        Objects.requireNonNull(call, "call");
        if (queue.size() >= capacity) {
            waitForSpace();
        }
        queue.add(call);
        queued.incrementAndGet();
        if (stopped) {
            drainHere();
        }
    }

    private void waitForSpace() {
        fullWaits.increment();
        long deadline = System.nanoTime() + fullQueueWaitNanos;
        synchronized (space) {
            long left;
            while (queue.size() >= capacity && running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(space, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits until everything queued before the call is written. */
    boolean flush(Duration timeout) {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < target) {
            if (!running) {
                drainHere();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (progress) {
                if (written.get() < target) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void run() {
        List<LoggedCall> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                LoggedCall first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch, Integer.MAX_VALUE);
                batch.clear();
            } catch (InterruptedException e) {
                // stop() does not interrupt; keep going until running is false
                Thread.interrupted();
            } catch (RuntimeException e) {
                log.error("Message log writer: unexpected failure", e);
            }
        }
        // anything taken but not written goes back to the front by being written now
        if (!batch.isEmpty()) {
            write(batch, ATTEMPTS_WHEN_STOPPING);
        }
    }

    /** Writes the batch, retrying with back-off; gives up only after {@code attempts} (when stopping). */
    private void write(List<LoggedCall> batch, int attempts) {
        synchronized (writing) {
            long backoff = 100;
            for (int attempt = 1; ; attempt++) {
                try {
                    Timer.Sample sample = Timer.start();
                    store.append(nodeId, batch);
                    sample.stop(batches);
                    writtenCounter.increment(batch.size());
                    written.addAndGet(batch.size());
                    break;
                } catch (RuntimeException e) {
                    failures.increment();
                    boolean giveUp = attempt >= attempts || (!running && attempt >= ATTEMPTS_WHEN_STOPPING);
                    if (giveUp) {
                        log.error("Message log: {} records could not be written after {} attempts and are lost",
                                batch.size(), attempt, e);
                        written.addAndGet(batch.size());
                        break;
                    }
                    log.error("Message log: a batch of {} records could not be written (attempt {}); retrying",
                            batch.size(), attempt, e);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    backoff = Math.min(5_000, backoff * 2);
                }
            }
        }
        synchronized (space) {
            space.notifyAll();
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Writes everything queued on the calling thread (only when the writer thread is not running). */
    private void drainHere() {
        List<LoggedCall> batch = new ArrayList<>(batchSize);
        while (true) {
            synchronized (writing) {
                queue.drainTo(batch, batchSize);
                if (batch.isEmpty()) {
                    return;
                }
                write(batch, ATTEMPTS_WHEN_STOPPING);
            }
            batch.clear();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        stopped = false;
        running = true;
        Thread thread = new Thread(this::run, "lgsp-messagelog-writer");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopped = true;
        drainHere();
        log.info("Message log writer of node {} stopped; {} records written in all", nodeId, written.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
