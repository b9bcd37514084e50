package vn.gov.egov.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/** Uploading, listing and evaluating the DMN decision tables; a table is checked in full before it is stored. */
@Service
class ManagingDecisions {

    private final DecisionStore store;
    /** Parsed tables by stored version id: a stored version never changes. */
    private final Map<UUID, DecisionTable> parsed = new ConcurrentHashMap<>();

    private final AuditTrail audit;

    ManagingDecisions(DecisionStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Checks and stores the next version of the table's key (the DMN decision's id); published at once. */
    @Transactional
    DecisionStore.Decision upload(String dmnXml, boolean demonstration, String by) {
        DecisionTable table = DecisionTable.parse(dmnXml);
        DecisionStore.Decision stored = store.add(table.key(), table.name(), dmnXml, table.outputNames(), true, demonstration, by);
        parsed.put(stored.id(), table);
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS)
                .actor(PublishingRoutes.SYSTEM.equals(by) ? Actor.system() : Actor.user(by))
                .object("route_decision", stored.key() + "/v" + stored.version()).detail("outputs", stored.outputs())
                .fromCurrentRequest().build());
        return stored;
    }

    List<DecisionStore.Decision> all() {
        return store.all();
    }

    Optional<DecisionStore.Decision> latest(String key) {
        return store.latestPublished(key);
    }

    DecisionTable table(DecisionStore.Decision decision) {
        return parsed.computeIfAbsent(decision.id(), id -> DecisionTable.parse(decision.dmnXml()));
    }

    /**
     * Evaluates the latest published version of {@code key}.
     *
     * @throws DecisionTable.Unmatched when no rule (or, UNIQUE, more than one) matches
     * @throws IllegalArgumentException when there is no such table
     */
    Map<String, Object> evaluate(String key, Map<String, Object> variables) {
        DecisionStore.Decision decision = store.latestPublished(key)
                .orElseThrow(() -> new IllegalArgumentException("Không có bảng quyết định '%s' đã ban hành".formatted(key)));
        return table(decision).evaluate(variables);
    }
}
