package vn.gov.egov.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes entries older than the online retention of the system's security level, keeping the chain verifiable.
 * <p>
 * Only a prefix of the chain is ever removed: entries 1…N where every one is older than the cutoff and, when syslog
 * shipping is configured, already sent to the SOC. First, in one transaction holding the chain's head, it records a
 * checkpoint (N and the hash of entry N) and appends an {@code AUDIT_PURGED} entry that names both, so that a
 * checkpoint nobody purged is detected. Then it deletes entries up to N in batches; if it stops half-way, the next
 * run finishes. Verification starts after the latest checkpoint.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    record Result(long upToSequence, long deleted, Instant cutoff) {
    }

    private final AuditStore store;
    private final ChainSealer sealer;
    private final TransactionTemplate transactions;
    private final Period retention;
    private final int batchSize;
    private final String shippingCursor;
    private final Clock clock;

    @Autowired
    RetentionPurge(AuditStore store, ChainSealer sealer, TransactionTemplate transactions, AuditProperties properties) {
        this(store, sealer, transactions, Retention.online(properties), properties.purge().batchSize(),
                properties.syslog().enabled() ? SyslogShipper.CURSOR : null, Clock.systemUTC());
    }

    /** @param shippingCursor the cursor of the syslog shipper that must have sent an entry first; null: no shipping */
    RetentionPurge(AuditStore store, ChainSealer sealer, TransactionTemplate transactions, Period retention,
                   int batchSize, String shippingCursor, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.transactions = transactions;
        this.retention = retention;
        this.batchSize = batchSize;
        this.shippingCursor = shippingCursor;
        this.clock = clock;
    }

    @Scheduled(cron = "${egov.audit.purge.cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        try {
            Result result = purge();
            if (result.deleted() > 0) {
                log.info("Audit retention ({}): {} entries up to {} older than {} deleted; checkpoint {}", retention,
                        result.deleted(), result.upToSequence(), result.cutoff(), result.upToSequence());
            }
        } catch (RuntimeException e) {
            log.error("Audit retention purge failed; it runs again at the next schedule", e);
        }
    }

    /** Entries older than the retention period, as of now in Vietnam. */
    Result purge() {
        return purgeBefore(clock.instant().atZone(AuditQuery.VIETNAM).minus(retention).toInstant());
    }

    Result purgeBefore(Instant cutoff) {
        long upTo = transactions.execute(status -> checkpoint(cutoff));
        long deleted = 0;
        int batch;
        do {
            batch = transactions.execute(status -> store.purgeBatch(upTo, batchSize));
            deleted += batch;
        } while (batch == batchSize);
        return new Result(upTo, deleted, cutoff);
    }

    /** Records a new checkpoint when there is something new to purge; returns the sequence to purge up to. */
    private long checkpoint(Instant cutoff) {
        AuditStore.Head head = store.lockHead();
        long previous = store.latestCheckpoint().map(AuditStore.Checkpoint::sequence).orElse(0L);
        long upTo = store.lastSequenceBefore(cutoff, head.sequence());
        if (shippingCursor != null) {
            upTo = Math.min(upTo, store.shippedUpTo(shippingCursor));
        }
        if (upTo <= previous) {
            return previous;
        }
        Optional<String> hash = store.hashOf(upTo);
        if (hash.isEmpty()) {
            throw new IllegalStateException("entry " + upTo + " to checkpoint is missing: verify the audit chain");
        }
        store.insertCheckpoint(new AuditStore.Checkpoint(upTo, hash.get(), cutoff));
        AuditRecord purged = AuditRecord.builder(ChainVerifier.PURGED, Outcome.SUCCESS)
                .actor(Actor.system())
                .object("audit-trail", null)
                .detail("upToSequence", upTo)
                .detail("upToHash", hash.get())
                .detail("cutoff", CanonicalJson.instant(cutoff))
                .detail("retention", retention)
                .build();
        // the head is already locked by this transaction: append after it
        sealer.appendAfter(head, List.of(EntryContent.of(purged, clock.instant())));
        return upTo;
    }
}
