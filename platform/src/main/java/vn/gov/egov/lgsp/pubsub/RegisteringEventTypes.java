package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceAddress;
import vn.gov.egov.lgsp.registry.ServiceRegistry;
import vn.gov.egov.lgsp.registry.ServiceState;

/** An LGSP operator registers an event type (its schema checked first) and moves it through its lifecycle; audited. */
@Service
class RegisteringEventTypes {

    /** What an operator enters for a new event type. */
    record Draft(String member, String subsystem, String code, String version, String name, String description,
                 String jsonSchema, SecurityLevel securityLevel) {
    }

    private final EventTypes types;
    private final EventSchemas schemas;
    private final AuditTrail audit;
    private final ObjectProvider<ServiceRegistry> registry;

    RegisteringEventTypes(EventTypes types, EventSchemas schemas, AuditTrail audit, ObjectProvider<ServiceRegistry> registry) {
        this.types = types;
        this.schemas = schemas;
        this.audit = audit;
        this.registry = registry;
    }

    @Transactional
    EventType register(Draft draft, ServiceState state) {
        return register(draft, state, true);
    }

    private EventType register(Draft draft, ServiceState state, boolean ownerMustBeRegistered) {
        for (String[] part : new String[][] {{"member", draft.member()}, {"subsystem", draft.subsystem()}, {"code", draft.code()},
                {"version", draft.version()}}) {
            if (!ServiceAddress.isCode(part[1])) {
                throw PubSubProblems.badRequest(part[0], "code",
                        "Trường '%s' phải là mã: chữ, số, '.', '-', '_', tối đa 64 ký tự".formatted(part[0]));
            }
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            throw PubSubProblems.badRequest("name", "required", "Trường 'name' (tên loại sự kiện) là bắt buộc, tối đa 200 ký tự");
        }
        if (draft.jsonSchema() == null || draft.jsonSchema().isBlank()) {
            throw PubSubProblems.badRequest("jsonSchema", "required", "Trường 'jsonSchema' (lược đồ JSON) là bắt buộc");
        }
        List<EventSchemas.Violation> violations = schemas.checkSchema(draft.jsonSchema());
        if (!violations.isEmpty()) {
            throw PubSubProblems.invalidSchema(violations);
        }
        ServiceRegistry known = registry.getIfAvailable();
        if (ownerMustBeRegistered && known != null && known.system(draft.member(), draft.subsystem()).isEmpty()) {
            throw PubSubProblems.badRequest("subsystem", "registered",
                    "Hệ thống '%s/%s' chưa đăng ký trên LGSP".formatted(draft.member(), draft.subsystem()));
        }
        if (types.byPath(draft.member(), draft.subsystem(), draft.code(), draft.version()).isPresent()) {
            throw PubSubProblems.conflict("event_type_exists", "Loại sự kiện '%s/%s/%s/%s' đã có".formatted(
                    draft.member(), draft.subsystem(), draft.code(), draft.version()));
        }
        Instant now = Instant.now();
        EventType type = new EventType(UUID.randomUUID(), draft.member(), draft.subsystem(), draft.code(), draft.version(),
                draft.name().strip(), draft.description() == null ? "" : draft.description().strip(), draft.jsonSchema(),
                draft.securityLevel() == null ? SecurityLevel.INTERNAL : draft.securityLevel(), state, now, now);
        types.insert(type);
        audit.record(AuditRecord.builder("lgsp.pubsub.event_type.registered", Outcome.SUCCESS)
                .object("lgsp-event-type", type.path()).detail("state", state.name()).build());
        return type;
    }

    @Transactional
    EventType changeState(UUID id, ServiceState state) {
        EventType type = types.byId(id).orElseThrow(() -> PubSubProblems.unknownEventType(String.valueOf(id)));
        if (type.state() == ServiceState.RETIRED && state != ServiceState.RETIRED) {
            throw PubSubProblems.conflict("event_type_retired", "Loại sự kiện '%s' đã ngừng: không đổi trạng thái được".formatted(type.path()));
        }
        EventType changed = new EventType(type.id(), type.member(), type.subsystem(), type.code(), type.version(), type.name(),
                type.description(), type.jsonSchema(), type.securityLevel(), state, type.createdAt(), Instant.now());
        types.update(changed);
        audit.record(AuditRecord.builder("lgsp.pubsub.event_type.state_changed", Outcome.SUCCESS)
                .object("lgsp-event-type", type.path()).changed("state", type.state().name(), state.name()).build());
        return changed;
    }

    /** The platform's own event types, registered at start-up when missing (the schema kept up to date). */
    @Transactional
    EventType ensure(Draft draft) {
        Optional<EventType> existing = types.byPath(draft.member(), draft.subsystem(), draft.code(), draft.version());
        if (existing.isEmpty()) {
            return register(draft, ServiceState.PUBLISHED, false);
        }
        EventType type = existing.get();
        if (!type.jsonSchema().equals(draft.jsonSchema())) {
            EventType changed = new EventType(type.id(), type.member(), type.subsystem(), type.code(), type.version(), draft.name(),
                    draft.description(), draft.jsonSchema(), type.securityLevel(), type.state(), type.createdAt(), Instant.now());
            types.update(changed);
            audit.record(AuditRecord.builder("lgsp.pubsub.event_type.schema_changed", Outcome.SUCCESS).actor(Actor.system())
                    .object("lgsp-event-type", type.path()).build());
            return changed;
        }
        return type;
    }
}
