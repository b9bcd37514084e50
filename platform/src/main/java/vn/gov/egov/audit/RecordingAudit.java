package vn.gov.egov.audit;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link AuditTrail}: one INSERT of the pending record in the caller's transaction; sealing follows its commit. */
@Service
class RecordingAudit implements AuditTrail {

    private final AuditStore store;
    private final ChainSealer sealer;
    private final Clock clock;

    @Autowired
    RecordingAudit(AuditStore store, ChainSealer sealer) {
        this(store, sealer, Clock.systemUTC());
    }

    RecordingAudit(AuditStore store, ChainSealer sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public void record(AuditRecord record) {
        AuditRecord completed = record.withActor(Actor.current()).withRequest(RequestOrigin.current());
        store.insertPending(EntryContent.of(completed, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.nudge();
                }
            });
        } else {
            sealer.nudge();
        }
    }
}
