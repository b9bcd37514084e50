package vn.gov.egov.audit;

import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What auditors do with the trail: verify, search and export it. Each of these is itself recorded. */
@Service
class ReadingAudit {

    static final String VERIFIED = "AUDIT_VERIFIED";
    static final String SEARCHED = "AUDIT_SEARCHED";
    static final String EXPORTED = "AUDIT_EXPORTED";

    private final AuditStore store;
    private final ChainVerifier verifier;
    private final AuditTrail trail;
    private final TransactionTemplate reading;

    ReadingAudit(AuditStore store, ChainVerifier verifier, AuditTrail trail, PlatformTransactionManager transactions) {
        this.store = store;
        this.verifier = verifier;
        this.trail = trail;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    ChainVerification verify() {
        ChainVerification result = verifier.verify();
        trail.record(AuditRecord.builder(VERIFIED, Outcome.SUCCESS)
                .currentActor()
                .object("audit-trail", null)
                .detail("ok", result.ok())
                .detail("entriesChecked", result.entriesChecked())
                .detail("firstBrokenSequence", result.firstBrokenSequence())
                .detail("headSequence", result.headSequence())
                .build());
        return result;
    }

    AuditStore.Found search(AuditQuery query) {
        AuditStore.Found found = store.search(query);
        trail.record(AuditRecord.builder(SEARCHED, Outcome.SUCCESS)
                .currentActor()
                .object("audit-trail", null)
                .detail("from", query.from() == null ? null : CanonicalJson.instant(query.from()))
                .detail("to", query.to() == null ? null : CanonicalJson.instant(query.to()))
                .detail("actor", query.actor())
                .detail("action", query.action())
                .detail("objectType", query.objectType())
                .detail("objectId", query.objectId())
                .detail("outcome", query.outcome())
                .detail("page", query.page())
                .detail("found", found.total())
                .build());
        return found;
    }

    /** Streams the entries of a period (or after a sequence number) as JSON lines; returns how many. */
    long export(Instant from, Instant to, long afterSequence, Consumer<String> lines) {
        long[] count = {0};
        reading.executeWithoutResult(status -> store.streamPeriod(from, to, afterSequence, entry -> {
            lines.accept(CanonicalJson.line(entry));
            count[0]++;
        }));
        trail.record(AuditRecord.builder(EXPORTED, Outcome.SUCCESS)
                .currentActor()
                .object("audit-trail", null)
                .detail("from", from == null ? null : CanonicalJson.instant(from))
                .detail("to", to == null ? null : CanonicalJson.instant(to))
                .detail("afterSequence", afterSequence)
                .detail("exported", count[0])
                .build());
        return count[0];
    }
}
