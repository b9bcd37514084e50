package vn.gov.egov.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit API's JSON. */
final class AuditJson {

    private AuditJson() {
    }

    record ActorJson(String id, String name, List<String> roles, String agency) {
    }

    record Entry(long sequence, Instant at, ActorJson actor, String action, String objectType, String objectId,
                 Map<String, ChangedValue> changedFields, Outcome outcome, String sourceIp, String userAgent,
                 String requestId, Map<String, String> details, String previousHash, String hash) {

        static Entry of(AuditEntry e) {
            EntryContent c = e.content();
            return new Entry(e.sequence(), c.at(), new ActorJson(c.actorId(), c.actorName(), c.actorRoles(), c.actorAgency()),
                    c.action(), c.objectType(), c.objectId(), c.changedFields(), c.outcome(), c.sourceIp(), c.userAgent(),
                    c.requestId(), c.details(), e.previousHash(), e.hash());
        }
    }

    record Page(long total, int page, int size, List<Entry> items) {
    }
}
