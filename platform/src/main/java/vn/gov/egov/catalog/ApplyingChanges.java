package vn.gov.egov.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way entries change: a change set is tried on the catalog's timeline, every broken rule is reported, and
 * only a change without errors is written, whole, in one transaction, with who made it and when.
 */
@Service
class ApplyingChanges {

    record Result(Long changeId, long revision, int versionsWritten, int versionsSuperseded, int successionsRecorded,
                  boolean dryRun) {
        boolean changedAnything() {
            return versionsWritten + versionsSuperseded + successionsRecorded > 0;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ApplyingChanges.class);

    private final CatalogStore store;
    private final ApplicationEventPublisher events;

    ApplyingChanges(CatalogStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Transactional
    Result apply(ChangeSet change, String actor, boolean dryRun) {
        CatalogDefinition definition = store.catalog(change.catalog())
                .orElseThrow(() -> CatalogProblems.unknownCatalog(change.catalog())).definition();
        long revision = store.lockForChange(change.catalog());
        CatalogTimeline timeline = new CatalogTimeline(store.liveVersions(change.catalog()));
        ChangeSetValidator.Outcome outcome = new ChangeSetValidator(definition, store::exists).validate(change, timeline);
        if (!outcome.valid()) {
            throw new CatalogProblems.ChangeRefused(change.catalog(), outcome.errors());
        }
        List<CatalogEntry> inserts = timeline.insertedEntries();
        List<Long> superseded = new ArrayList<>(timeline.supersededIds());
        if (dryRun) {
            return new Result(null, revision, inserts.size(), superseded.size(), outcome.successions().size(), true);
        }
        if (inserts.isEmpty() && superseded.isEmpty() && outcome.successions().isEmpty()) {
            return new Result(null, revision, 0, 0, 0, false);
        }
        long changeId = store.recordChange(change.catalog(), change.kind(), change.summary(), outcome.touchedCodes(),
                change.reason(), change.source(), actor);
        store.supersede(superseded, changeId);
        store.insertVersions(inserts, changeId);
        int successions = store.insertSuccessions(change.catalog(), outcome.successions(), changeId);
        long newRevision = store.nextRevision(change.catalog());
        log.info("Catalog {} change {} by {}: {} versions written, {} superseded, {} successions",
                change.catalog(), changeId, actor, inserts.size(), superseded.size(), successions);
        events.publishEvent(new CatalogChanged(change.catalog(), newRevision, changeId, change.kind().name(),
                List.copyOf(outcome.touchedCodes()), actor, Instant.now()));
        return new Result(changeId, newRevision, inserts.size(), superseded.size(), successions, false);
    }
}
