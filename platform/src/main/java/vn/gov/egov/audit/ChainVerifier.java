package vn.gov.egov.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain from the last purge checkpoint to the head in sequence order, recomputing every hash.
 * Streaming in one read-only REPEATABLE READ transaction: constant memory, and a consistent view while sealing and
 * purging go on.
 */
@Component
class ChainVerifier {

    static final int MAX_PROBLEMS = 100;
    static final String PURGED = "AUDIT_PURGED";

    private final AuditStore store;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    @Autowired
    ChainVerifier(AuditStore store, PlatformTransactionManager transactions) {
        this(store, transactions, Clock.systemUTC());
    }

    ChainVerifier(AuditStore store, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    ChainVerification verify() {
        return snapshot.execute(status -> walk());
    }

    private ChainVerification walk() {
        Instant started = clock.instant();
        AuditStore.Head head = store.head();
        AuditStore.Checkpoint checkpoint = store.latestCheckpoint()
                .orElse(new AuditStore.Checkpoint(0, AuditEntry.GENESIS, Instant.EPOCH));
        Walk walk = new Walk(checkpoint);
        store.stream(checkpoint.sequence(), head.sequence(), walk::accept);
        walk.finish(head);
        return new ChainVerification(walk.problemCount == 0, walk.checked,
                walk.firstBroken, walk.problemCount,
                List.copyOf(walk.problems), checkpoint.sequence(), head.sequence(), head.hash(), store.countPending(),
                started, Duration.between(started, clock.instant()).toMillis());
    }

    private static final class Walk {

        private final AuditStore.Checkpoint checkpoint;
        private final List<ChainVerification.Problem> problems = new ArrayList<>();
        private long problemCount;
        private Long firstBroken;
        private long checked;
        private long expected;
        private String previousHash;
        private boolean checkpointConfirmed;

        Walk(AuditStore.Checkpoint checkpoint) {
            this.checkpoint = checkpoint;
            this.expected = checkpoint.sequence() + 1;
            this.previousHash = checkpoint.hash();
            this.checkpointConfirmed = checkpoint.sequence() == 0;
        }

        void accept(AuditStore.StoredRow row) {
            checked++;
            if (row.sequence() != expected) {
                problem(expected, ChainVerification.Kind.SEQUENCE_GAP, row.sequence() == expected + 1
                        ? "entry " + expected + " is missing (deleted)"
                        : "entries " + expected + " to " + (row.sequence() - 1) + " are missing (deleted)");
            } else if (!row.previousHash().equals(previousHash)) {
                problem(row.sequence(), ChainVerification.Kind.PREVIOUS_HASH_MISMATCH, "previous_hash " + row.previousHash()
                        + " is not the hash " + previousHash + " of entry " + (row.sequence() - 1));
            }
            if (row.entry() == null) {
                problem(row.sequence(), ChainVerification.Kind.UNREADABLE, "altered beyond reading: " + row.unreadable());
            } else if (!row.entry().intact()) {
                problem(row.sequence(), ChainVerification.Kind.HASH_MISMATCH,
                        "content does not match its hash: the entry was altered");
            } else if (confirms(row.entry())) {
                checkpointConfirmed = true;
            }
            expected = row.sequence() + 1;
            previousHash = row.hash();
        }

        private boolean confirms(AuditEntry entry) {
            return PURGED.equals(entry.content().action())
                    && String.valueOf(checkpoint.sequence()).equals(entry.content().details().get("upToSequence"))
                    && checkpoint.hash().equals(entry.content().details().get("upToHash"));
        }

        void finish(AuditStore.Head head) {
            if (expected <= head.sequence()) {
                problem(expected, ChainVerification.Kind.TRUNCATED, "entries " + expected + " to " + head.sequence()
                        + " are missing (deleted)");
            } else if (head.sequence() > checkpoint.sequence() && !previousHash.equals(head.hash())) {
                problem(head.sequence(), ChainVerification.Kind.HEAD_MISMATCH, "hash " + previousHash
                        + " is not the head's " + head.hash());
            }
            if (!checkpointConfirmed) {
                problem(checkpoint.sequence(), ChainVerification.Kind.UNCONFIRMED_CHECKPOINT, "no " + PURGED
                        + " entry confirms the checkpoint at " + checkpoint.sequence());
            }
        }

        private void problem(long sequence, ChainVerification.Kind kind, String detail) {
            problemCount++;
            if (firstBroken == null || sequence < firstBroken) {
                firstBroken = sequence;
            }
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ChainVerification.Problem(sequence, kind, detail));
            }
        }
    }
}
