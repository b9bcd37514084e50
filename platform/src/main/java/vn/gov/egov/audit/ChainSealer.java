package vn.gov.egov.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves pending records into the chain: in one transaction it locks the chain's head row (so that only one node
 * appends at a time), numbers up to a batch of the oldest pending records after the head, hashes each with its
 * predecessor's hash, inserts them, removes them from the pending table and moves the head. A background thread
 * does this as soon as a record is committed on this node, and every {@code egov.audit.sealing.interval} for
 * records committed on other nodes.
 */
@Component
class ChainSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

    private final AuditStore store;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final int batchSize;
    private final BlockingQueue<Boolean> nudges = new ArrayBlockingQueue<>(1);
    private final WorkerThread worker = new WorkerThread();

    ChainSealer(AuditStore store, TransactionTemplate transactions, AuditProperties properties) {
        this.store = store;
        this.transactions = transactions;
        this.interval = properties.sealing().interval();
        this.batchSize = properties.sealing().batchSize();
    }

    /** Asks the background thread to seal now. */
    void nudge() {
        nudges.offer(Boolean.TRUE);
    }

    /** Seals everything pending now, batch by batch; returns how many records joined the chain. */
    int sealPending() {
        int sealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sealBatch());
            sealed += batch;
            if (batch < batchSize) {
                return sealed;
            }
        }
    }

    private int sealBatch() {
        AuditStore.Head head = store.lockHead();
        List<AuditStore.Pending> pending = store.lockPending(batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        appendAfter(head, pending.stream().map(AuditStore.Pending::content).toList());
        store.deletePending(pending.stream().map(AuditStore.Pending::id).toList());
        return pending.size();
    }

    /** Appends directly after {@code head}, which the caller's transaction has locked ({@link AuditStore#lockHead()}). */
    List<AuditEntry> appendAfter(AuditStore.Head head, List<EntryContent> contents) {
        List<AuditEntry> entries = new ArrayList<>(contents.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (EntryContent content : contents) {
            AuditEntry entry = AuditEntry.seal(++sequence, content, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        store.insertEntries(entries);
        store.moveHead(new AuditStore.Head(sequence, previous));
        return entries;
    }

    private void run() {
        long failures = 0;
        while (worker.isCurrent()) {
            try {
                nudges.poll(failures == 0 ? interval.toMillis() : Math.min(60_000, interval.toMillis() << Math.min(failures, 6)),
                        TimeUnit.MILLISECONDS);
                sealPending();
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!worker.isCurrent()) {
                    return;
                }
                failures++;
                log.error("Audit records could not be sealed into the chain (attempt {}); they stay pending", failures, e);
            }
        }
    }

    @Override
    public void start() {
        worker.start("audit-sealer", this::run);
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    /** Starts after the database and stops before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
