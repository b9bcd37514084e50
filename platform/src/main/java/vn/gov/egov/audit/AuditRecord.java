package vn.gov.egov.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One auditable act: when ({@code at}; null means now), who ({@code actor}; null means the platform itself), what
 * ({@code action} such as {@link AuditActions#UPDATE}, the object's type and id, the changed fields), the outcome,
 * from where (source IP, user agent, request id) and any further details as text. Build it with
 * {@link #builder(String, Outcome)}.
 */
public record AuditRecord(Instant at, Actor actor, String action, String objectType, String objectId,
                          Map<String, ChangedValue> changedFields, Outcome outcome, String sourceIp, String userAgent,
                          String requestId, Map<String, String> details) {

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (action.isBlank()) {
            throw new IllegalArgumentException("action must not be blank");
        }
        changedFields = changedFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changedFields));
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Builder builder(String action, Outcome outcome) {
        return new Builder(action, outcome);
    }

    /** The same record with this actor when it names none. */
    AuditRecord withActor(Actor current) {
        return actor != null || current == null ? this : new AuditRecord(at, current, action, objectType, objectId,
                changedFields, outcome, sourceIp, userAgent, requestId, details);
    }

    /** The same record with the request's source IP, user agent and request id where they are missing. */
    AuditRecord withRequest(RequestOrigin origin) {
        if (origin == null) {
            return this;
        }
        return new AuditRecord(at, actor, action, objectType, objectId, changedFields, outcome,
                sourceIp != null ? sourceIp : origin.sourceIp(),
                userAgent != null ? userAgent : origin.userAgent(),
                requestId != null ? requestId : origin.requestId(), details);
    }

    public static final class Builder {

        private Instant at;
        private Actor actor;
        private final String action;
        private final Outcome outcome;
        private String objectType;
        private String objectId;
        private final Map<String, ChangedValue> changedFields = new LinkedHashMap<>();
        private String sourceIp;
        private String userAgent;
        private String requestId;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String action, Outcome outcome) {
            this.action = action;
            this.outcome = outcome;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        /** The user of the current thread's security context (unchanged when there is none). */
        public Builder currentActor() {
            Actor current = Actor.current();
            if (current != null) {
                this.actor = current;
            }
            return this;
        }

        public Builder object(String type, String id) {
            this.objectType = type;
            this.objectId = id;
            return this;
        }

        public Builder changed(String field, Object before, Object after) {
            changedFields.put(field, ChangedValue.of(before, after));
            return this;
        }

        /** Fields that changed, without their values. */
        public Builder changed(Iterable<String> fields) {
            fields.forEach(field -> changedFields.put(field, ChangedValue.unrecorded()));
            return this;
        }

        public Builder detail(String key, Object value) {
            details.put(key, value == null ? null : value.toString());
            return this;
        }

        public Builder from(String sourceIp, String userAgent) {
            this.sourceIp = sourceIp;
            this.userAgent = userAgent;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Source IP, user agent and request id of the HTTP request this thread is serving, if any. */
        public Builder fromCurrentRequest() {
            RequestOrigin origin = RequestOrigin.current();
            if (origin != null) {
                sourceIp = origin.sourceIp();
                userAgent = origin.userAgent();
                requestId = origin.requestId();
            }
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(at, actor, action, objectType, objectId, changedFields, outcome, sourceIp, userAgent,
                    requestId, details);
        }
    }
}
