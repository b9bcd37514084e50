package vn.gov.egov.nationalportal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends the queued status reports to the national portal in batches, oldest first, one call each
 * ({@code POST /api/province/status-reports/batch}, through the LGSP). Reports the portal accepted or already had are
 * done; those it refused stay in the queue with its reason and are never sent again; when the call fails (unreachable,
 * timeout, 5xx, 408, 429 or any other refusal of the whole batch) every report of the batch waits and is sent again,
 * with a back-off. Reports are locked {@code for update skip locked} for the call, so several nodes never send one
 * twice, and a report whose dossier has an earlier report not in the same batch (another node holds it, or it waits
 * for a retry) waits too, so each dossier's reports reach the portal in order.
 * <p>
 * Woken after a report is enqueued (a short linger lets a batch fill) and swept on a schedule (retries, other nodes'
 * reports); stopped before the web server and the database on shutdown, after the batch in flight is answered.
 */
@Component
class SendingStatusReports implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SendingStatusReports.class);

    /** What one batch did; {@code keys} are the reports the portal now has (accepted or duplicate). */
    record Sent(int calls, int accepted, int duplicate, int refused, int failed, int held, List<String> keys) {

        static final Sent NOTHING = new Sent(0, 0, 0, 0, 0, 0, List.of());

        int considered() {
            return accepted + duplicate + refused + failed + held;
        }
    }

    private final NationalPortalClient portal;
    private final StatusReportQueue queue;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Duration linger;
    private final String sweepInterval;
    private final Duration retryBase;
    private final Duration retryMax;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor executor;
    private volatile boolean running;

    SendingStatusReports(NationalPortalClient portal, StatusReportQueue queue, PlatformTransactionManager transactions,
                         @Value("${egov.national.portal.reports.batch-size:200}") int batchSize,
                         @Value("${egov.national.portal.reports.linger:PT0.2S}") Duration linger,
                         @Value("${egov.national.portal.reports.sweep-interval:PT30S}") String sweepInterval,
                         @Value("${egov.national.portal.reports.retry-base:PT5S}") Duration retryBase,
                         @Value("${egov.national.portal.reports.retry-max:PT10M}") Duration retryMax) {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("egov.national.portal.reports.batch-size must be 1..500, not " + batchSize);
        }
        this.portal = portal;
        this.queue = queue;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        this.linger = linger;
        this.sweepInterval = sweepInterval;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
    }

    /** After the current transaction commits (at once without one): sends soon, with what else comes meanwhile. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    void wake() {
        ScheduledThreadPoolExecutor sender = executor;
        if (running && sender != null && wakeScheduled.compareAndSet(false, true)) {
            try {
                sender.schedule(this::drain, linger.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeScheduled.set(false); // stopping: the next start or another node sends it
            }
        }
    }

    /** Sends batches while there are full ones; never throws (what is not sent waits in the queue). */
    private void drain() {
        wakeScheduled.set(false);
        try {
            Sent sent;
            do {
                sent = sendDue(Instant.now(), batchSize);
            } while (running && sent.failed() == 0 && sent.considered() >= batchSize && sent.considered() > sent.held());
        } catch (RuntimeException e) {
            LOG.warn("national portal: status reports not sent now, they wait in the queue: {}", e.toString());
        }
    }

    /** One batch of at most {@code limit} reports due at {@code now}. */
    Sent sendDue(Instant now, int limit) {
        return sendDue(null, now, limit);
    }

    /** One batch of at most {@code limit} reports due at {@code now} and, when {@code from} is given, not before. */
    Sent sendDue(Instant from, Instant now, int limit) {
        Sent sent = transaction.execute(status -> sendLocked(from, now, limit));
        return sent == null ? Sent.NOTHING : sent;
    }

    private Sent sendLocked(Instant from, Instant now, int limit) {
        List<StatusReportQueue.Queued> locked = queue.lockDue(from, now, limit);
        if (locked.isEmpty()) {
            return Sent.NOTHING;
        }
        List<StatusReportQueue.Queued> batch = inDossierOrder(locked);
        int held = locked.size() - batch.size();
        if (batch.isEmpty()) {
            return new Sent(0, 0, 0, 0, 0, held, List.of());
        }
        List<NationalPortalClient.BatchAnswer> answers;
        try {
            answers = portal.reportBatch(batch.stream().map(StatusReportQueue.Queued::json).toList());
        } catch (RuntimeException e) {
            String error = describe(e);
            LOG.warn("national portal: a batch of {} status reports failed, sent again later: {}", batch.size(), error);
            queue.failed(batch.stream().map(StatusReportQueue.Queued::seq).toList(), error, now, retryBase, retryMax);
            queue.batchSent(now, batch.size(), error);
            return new Sent(1, 0, 0, 0, batch.size(), held, List.of());
        }
        Map<String, NationalPortalClient.BatchAnswer> byKey = new HashMap<>();
        answers.forEach(a -> byKey.putIfAbsent(a.reportKey(), a));
        List<Long> done = new ArrayList<>();
        List<Long> unanswered = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int accepted = 0;
        int duplicate = 0;
        int refused = 0;
        for (StatusReportQueue.Queued report : batch) {
            NationalPortalClient.BatchAnswer answer = byKey.get(report.reportKey());
            if (answer != null && answer.done()) {
                done.add(report.seq());
                keys.add(report.reportKey());
                if ("accepted".equals(answer.outcome())) {
                    accepted++;
                } else {
                    duplicate++;
                }
            } else if (answer != null && answer.refused()) {
                refused++;
                String reason = answer.reason() == null || answer.reason().isBlank() ? "Cổng DVC quốc gia không nêu lý do" : answer.reason();
                LOG.error("national portal refused the status report {} of dossier {}: {}", report.reportKey(), report.dossierCode(), reason);
                queue.refuse(report.seq(), reason, now);
            } else {
                unanswered.add(report.seq());
            }
        }
        queue.delete(done);
        queue.failed(unanswered, "Cổng DVC quốc gia không trả lời cho báo cáo này trong lô", now, retryBase, retryMax);
        queue.batchSent(now, batch.size(), unanswered.isEmpty() ? null : "%d báo cáo không được trả lời".formatted(unanswered.size()));
        return new Sent(1, accepted, duplicate, refused, unanswered.size(), held, keys);
    }

    /**
     * The locked reports that may go now: for each dossier, its reports up to the first earlier one that waits and is
     * not in this batch (held by another sender, or waiting for a retry).
     */
    private List<StatusReportQueue.Queued> inDossierOrder(List<StatusReportQueue.Queued> locked) {
        Set<Long> mine = new HashSet<>();
        Set<String> dossiers = new HashSet<>();
        long max = 0;
        for (StatusReportQueue.Queued q : locked) {
            mine.add(q.seq());
            dossiers.add(q.dossierCode());
            max = Math.max(max, q.seq());
        }
        Set<String> blocked = new HashSet<>();
        Set<Long> allowed = new HashSet<>();
        for (StatusReportQueue.Queued waiting : queue.waitingOf(dossiers, max)) {
            if (blocked.contains(waiting.dossierCode())) {
                continue;
            }
            if (mine.contains(waiting.seq())) {
                allowed.add(waiting.seq());
            } else {
                blocked.add(waiting.dossierCode());
            }
        }
        if (allowed.size() == locked.size()) {
            return locked;
        }
        return locked.stream().filter(q -> allowed.contains(q.seq())).toList();
    }

    private static String describe(RuntimeException e) {
        if (e instanceof RestClientResponseException response) {
            String body = response.getResponseBodyAsString();
            return "HTTP %d: %s".formatted(response.getStatusCode().value(), body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledThreadPoolExecutor sender = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "national-portal-reports");
            thread.setDaemon(true);
            return thread;
        });
        sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        sender.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor = sender;
        running = true;
        if (!PortalSchedule.off(sweepInterval)) {
            long every = Duration.parse(sweepInterval.strip()).toMillis();
            sender.scheduleWithFixedDelay(this::drain, Math.min(every, 5_000), every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops waking and sweeping and waits for the batch in flight to be answered and committed; what was not sent stays
     * in the queue for the next start or another node.
     */
    @Override
    public synchronized void stop() {
        running = false;
        ScheduledThreadPoolExecutor sender = executor;
        if (sender == null) {
            return;
        }
        sender.shutdown();
        try {
            if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("national portal: the batch of status reports in flight did not end in 30 s; it will be sent again");
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (the in-process LGSP gateway) and the database stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
