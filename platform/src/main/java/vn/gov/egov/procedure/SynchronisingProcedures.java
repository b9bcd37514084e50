package vn.gov.egov.procedure;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClientException;

/** Brings the catalog up to date with the national procedure database: on request, or on a schedule (off by default). */
@Service
class SynchronisingProcedures {

    private static final Logger LOG = LoggerFactory.getLogger(SynchronisingProcedures.class);

    private final NationalProcedureDatabase national;
    private final ImportingProcedures importing;
    private final ProcedureStore store;
    private final TransactionTemplate transaction;

    SynchronisingProcedures(NationalProcedureDatabase national, ImportingProcedures importing, ProcedureStore store,
                            TransactionTemplate transaction) {
        this.national = national;
        this.importing = importing;
        this.store = store;
        this.transaction = transaction;
    }

    /** {@code full}: every procedure; otherwise those changed since the last sync began. */
    SyncResult synchronise(boolean full) {
        Instant started = Instant.now();
        Instant since = full ? null : store.lastSyncStart(national.source()).orElse(null);
        java.util.List<NationalProcedureRecord> records;
        try {
            records = national.changedSince(since);
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            throw ProcedureProblems.nationalDatabaseUnavailable(national.source(), e);
        }
        java.util.List<NationalProcedureRecord> received = records;
        // the applied versions and the record of the sync commit together
        SyncResult result = transaction.execute(status -> {
            SyncResult applied = importing.importRecords(national.source(), received);
            store.recordSync(started, applied);
            return applied;
        });
        LOG.info("Procedure sync from {}: {} received, {} new, {} changed, {} unchanged, {} refused", result.source(),
                result.received(), result.created(), result.updated(), result.unchanged(), result.errors().size());
        return result;
    }

    @Scheduled(cron = "${egov.national.procedures.sync-cron:-}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        try {
            synchronise(false);
        } catch (ErrorResponseException e) {
            LOG.warn("Scheduled procedure sync failed: {}", e.getBody().getDetail());
        }
    }
}
