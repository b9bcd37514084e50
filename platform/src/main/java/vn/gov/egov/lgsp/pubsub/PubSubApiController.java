package vn.gov.egov.lgsp.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.lgsp.registry.ConsumerSystem;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceRegistry;
import vn.gov.egov.lgsp.registry.ServiceState;

/**
 * The pub/sub API under {@code /api/v1/lgsp/pubsub}: publishing (owner systems), subscribing and pulling (consumer
 * systems, client-credentials tokens), event types, approvals and dead letters (LGSP operators).
 */
@RestController
@RequestMapping("/api/v1/lgsp/pubsub")
class PubSubApiController {

    record EventTypeView(UUID id, String path, String member, String subsystem, String code, String version, String name,
                         String description, SecurityLevel securityLevel, ServiceState state, JsonNode jsonSchema) {
    }

    record RegisterEventType(String member, String subsystem, String code, String version, String name, String description,
                             JsonNode jsonSchema, SecurityLevel securityLevel, ServiceState state) {
    }

    record StateChange(ServiceState state) {
    }

    record SubscriptionRequest(String eventType, Subscription.Mode mode, String webhookUrl) {
    }

    record SubscriptionView(UUID id, String eventType, String consumer, Subscription.Mode mode, String webhookUrl,
                            Subscription.State state, java.time.Instant requestedAt, java.time.Instant decidedAt, String decidedBy,
                            String secret) {
    }

    record BatchItem(String idempotencyKey, String orderingKey, JsonNode data) {
    }

    record PulledEvent(UUID id, String eventType, String idempotencyKey, String orderingKey, java.time.Instant publishedAt,
                       int attempt, JsonNode data) {
    }

    record EventIds(List<UUID> eventIds) {
    }

    record DeadLetterAction(UUID subscription, List<UUID> eventIds) {
    }

    record Refusal(String reason) {
    }

    private final Publishing publishing;
    private final RegisteringEventTypes registering;
    private final EventTypes types;
    private final Subscriptions subscriptions;
    private final Subscribing subscribing;
    private final DeliveryQueue queue;
    private final PubSubProperties properties;
    private final ObjectProvider<ServiceRegistry> registry;
    private final AuditTrail audit;
    private final tools.jackson.databind.ObjectMapper json;
    private final PubSubMessageLog messageLog;
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    PubSubApiController(Publishing publishing, RegisteringEventTypes registering, EventTypes types, Subscriptions subscriptions,
                        Subscribing subscribing, DeliveryQueue queue, PubSubProperties properties,
                        ObjectProvider<ServiceRegistry> registry, AuditTrail audit, tools.jackson.databind.ObjectMapper json,
                        PubSubMessageLog messageLog) {
        this.messageLog = messageLog;
        this.publishing = publishing;
        this.registering = registering;
        this.types = types;
        this.subscriptions = subscriptions;
        this.subscribing = subscribing;
        this.queue = queue;
        this.properties = properties;
        this.registry = registry;
        this.audit = audit;
        this.json = json;
    }

    // --- publishing -------------------------------------------------------------------------------------------------

    @PostMapping(path = "/events/{member}/{subsystem}/{eventType}/{version}", consumes = "application/json")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String member, @PathVariable String subsystem,
                                                @PathVariable String eventType, @PathVariable String version,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                                @RequestHeader(name = "X-Lgsp-Ordering-Key", required = false) String orderingKey,
                                                @RequestHeader(name = "X-Lgsp-Request-Id", required = false) String requestId,
                                                @RequestBody(required = false) String body, Authentication caller,
                                                HttpServletRequest request) {
        return logged(requestId, caller, request, member, subsystem, eventType, version, () -> {
            EventType type = ownedBy(caller, member, subsystem, eventType, version);
            JsonNode data = publishing.parse(body == null ? "" : body, "body");
            PubSubBackend.Accepted accepted = publishing.publish(type, publisherName(type),
                    List.of(new Publishing.Incoming(idempotencyKey, orderingKey, data))).get(0);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", accepted.id());
            answer.put("idempotencyKey", accepted.idempotencyKey());
            answer.put("duplicate", accepted.duplicate());
            return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
        });
    }

    /** Up to {@code max-publish-batch} events in one call: all accepted or none. */
    @PostMapping(path = "/events/{member}/{subsystem}/{eventType}/{version}/batch", consumes = "application/json")
    ResponseEntity<Map<String, Object>> publishBatch(@PathVariable String member, @PathVariable String subsystem,
                                                     @PathVariable String eventType, @PathVariable String version,
                                                     @RequestHeader(name = "X-Lgsp-Request-Id", required = false) String requestId,
                                                     @RequestBody List<BatchItem> items, Authentication caller,
                                                     HttpServletRequest request) {
        return logged(requestId, caller, request, member, subsystem, eventType, version, () -> {
            EventType type = ownedBy(caller, member, subsystem, eventType, version);
            List<Publishing.Incoming> incoming = new ArrayList<>(items.size());
            for (BatchItem item : items) {
                incoming.add(new Publishing.Incoming(item.idempotencyKey(), item.orderingKey(), item.data()));
            }
            List<PubSubBackend.Accepted> accepted = publishing.publish(type, publisherName(type), incoming);
            return ResponseEntity.ok(Map.of("events", accepted, "accepted", accepted.stream().filter(a -> !a.duplicate()).count()));
        });
    }

    /** Each publish, accepted or refused, in the message log; the request id (the caller's, or a new one) answered back. */
    private <T> ResponseEntity<T> logged(String requestIdHeader, Authentication caller, HttpServletRequest request, String member,
                                         String subsystem, String code, String version,
                                         java.util.function.Supplier<ResponseEntity<T>> publish) {
        String requestId = requestIdHeader != null && REQUEST_ID.matcher(requestIdHeader).matches() ? requestIdHeader
                : UUID.randomUUID().toString();
        java.time.Instant at = java.time.Instant.now();
        long started = System.nanoTime();
        String path = member + "/" + subsystem + "/" + code + "/" + version;
        Optional<EventType> type = types.byPath(member, subsystem, code, version);
        String eventType = type.map(EventType::path).orElse(null);
        SecurityLevel level = type.map(EventType::securityLevel).orElse(null);
        String publisher = systemOf(caller).map(ConsumerSystem::name).orElse(null);
        String clientId = caller == null ? null : caller.getName();
        long bytes = Math.max(0, request.getContentLengthLong());
        try {
            ResponseEntity<T> answer = publish.get();
            messageLog.published(requestId, at, publisher, clientId, eventType, path, answer.getStatusCode().value(), null, bytes, 0,
                    (System.nanoTime() - started) / 1000, level);
            return ResponseEntity.status(answer.getStatusCode()).header("X-Lgsp-Request-Id", requestId).body(answer.getBody());
        } catch (ErrorResponseException e) {
            Object errorClass = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errorClass");
            messageLog.published(requestId, at, publisher, clientId, eventType, path, e.getStatusCode().value(),
                    errorClass == null ? "pubsub.bad_request" : errorClass.toString(), bytes, 0, (System.nanoTime() - started) / 1000, level);
            e.getHeaders().set("X-Lgsp-Request-Id", requestId);
            throw e;
        }
    }

    private EventType ownedBy(Authentication caller, String member, String subsystem, String code, String version) {
        EventType type = publishing.publishable(member, subsystem, code, version);
        Optional<ConsumerSystem> system = systemOf(caller);
        if (system.isEmpty() || !system.get().member().equals(type.member()) || !system.get().subsystem().equals(type.subsystem())) {
            throw PubSubProblems.notPublisher(type.path());
        }
        return type;
    }

    private static String publisherName(EventType type) {
        return type.owner();
    }

    private Optional<ConsumerSystem> systemOf(Authentication caller) {
        ServiceRegistry known = registry.getIfAvailable();
        return caller == null || known == null ? Optional.empty() : known.consumerByClientId(caller.getName());
    }

    // --- event types ------------------------------------------------------------------------------------------------

    /** The public list: types that may be published (testing, published, deprecated), with their schemas. */
    @GetMapping("/event-types")
    List<EventTypeView> eventTypes() {
        return types.all().stream().filter(t -> t.state().callable()).map(this::view).toList();
    }

    @GetMapping("/event-types/{member}/{subsystem}/{code}/{version}")
    EventTypeView eventType(@PathVariable String member, @PathVariable String subsystem, @PathVariable String code,
                            @PathVariable String version) {
        return types.byPath(member, subsystem, code, version).filter(t -> t.state().callable()).map(this::view)
                .orElseThrow(() -> PubSubProblems.unknownEventType(member + "/" + subsystem + "/" + code + "/" + version));
    }

    @PostMapping("/event-types")
    ResponseEntity<EventTypeView> register(@RequestBody RegisterEventType request) {
        EventType type = registering.register(new RegisteringEventTypes.Draft(request.member(), request.subsystem(), request.code(),
                request.version(), request.name(), request.description(),
                request.jsonSchema() == null ? null : json.writeValueAsString(request.jsonSchema()), request.securityLevel()),
                request.state() == null ? ServiceState.DRAFT : request.state());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(type));
    }

    @PostMapping("/event-types/{id}/state")
    EventTypeView changeState(@PathVariable UUID id, @RequestBody StateChange change) {
        if (change.state() == null) {
            throw PubSubProblems.badRequest("state", "required", "Trường 'state' là bắt buộc: DRAFT, TESTING, PUBLISHED, DEPRECATED, RETIRED");
        }
        return view(registering.changeState(id, change.state()));
    }

    EventTypeView view(EventType t) {
        return new EventTypeView(t.id(), t.path(), t.member(), t.subsystem(), t.code(), t.version(), t.name(), t.description(),
                t.securityLevel(), t.state(), json.readTree(t.jsonSchema()));
    }

    // --- subscriptions ----------------------------------------------------------------------------------------------

    /** A consumer system asks to receive an event type; the provider's side approves it. */
    @PostMapping("/subscriptions")
    ResponseEntity<SubscriptionView> subscribe(@RequestBody SubscriptionRequest request, Authentication caller) {
        String[] parts = request.eventType() == null ? new String[0] : request.eventType().split("/");
        if (parts.length != 4) {
            throw PubSubProblems.badRequest("eventType", "path", "Trường 'eventType' phải có dạng thành-viên/hệ-thống/mã/phiên-bản");
        }
        EventType type = types.byPath(parts[0], parts[1], parts[2], parts[3])
                .orElseThrow(() -> PubSubProblems.unknownEventType(request.eventType()));
        ConsumerSystem system = systemOf(caller).orElseThrow(() -> PubSubProblems.problem(HttpStatus.FORBIDDEN, "unknown_consumer",
                "Hệ thống chưa đăng ký", "Mã ứng dụng của thẻ truy cập không thuộc hệ thống nào đã đăng ký trên LGSP"));
        Subscription s = subscribing.request(type, system.member(), system.subsystem(), system.clientId(), request.mode(),
                request.webhookUrl());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(s, type, null));
    }

    @GetMapping("/subscriptions")
    List<SubscriptionView> subscriptionList() {
        Map<UUID, EventType> byId = new java.util.HashMap<>();
        types.all().forEach(t -> byId.put(t.id(), t));
        return subscriptions.all().stream().map(s -> view(s, byId.get(s.eventTypeId()), null)).toList();
    }

    /**
     * One subscription, for the consumer system that asked for it (its client-credentials token) or for the LGSP's
     * operators: its state, and for a refused one the provider's reason.
     */
    @GetMapping("/subscriptions/{id}")
    SubscriptionDecision subscription(@PathVariable UUID id, Authentication caller) {
        boolean operator = caller != null && caller.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("ROLE_" + vn.gov.egov.identity.Role.LGSP_OPERATOR.name()) || a.equals("ROLE_" + vn.gov.egov.identity.Role.PROVINCE_ADMIN.name()));
        Subscription s = operator ? subscriptions.byId(id).orElseThrow(() -> PubSubProblems.unknownSubscription(id)) : subscriberOwn(id, caller);
        SubscriptionView v = view(s);
        return new SubscriptionDecision(v.id(), v.eventType(), v.consumer(), v.mode(), v.webhookUrl(), v.state(), v.requestedAt(),
                v.decidedAt(), v.decidedBy(), s.state() == Subscription.State.REFUSED ? subscriptions.decisionReason(id).orElse(null) : null);
    }

    /** A subscription as its subscriber sees it, with the provider's reason when it was refused. */
    record SubscriptionDecision(UUID id, String eventType, String consumer, Subscription.Mode mode, String webhookUrl,
                                Subscription.State state, java.time.Instant requestedAt, java.time.Instant decidedAt, String decidedBy,
                                String refusalReason) {
    }

    @PostMapping("/subscriptions/{id}/approve")
    SubscriptionView approve(@PathVariable UUID id) {
        Subscribing.Approved approved = subscribing.approve(id);
        return view(approved.subscription(), types.byId(approved.subscription().eventTypeId()).orElseThrow(), approved.secret());
    }

    /** The provider's side refuses a requested subscription, with a reason (required, at most 500 characters). */
    @PostMapping("/subscriptions/{id}/refuse")
    SubscriptionView refuse(@PathVariable UUID id, @RequestBody(required = false) Refusal refusal) {
        return view(subscribing.refuse(id, refusal == null ? null : refusal.reason()));
    }

    @PostMapping("/subscriptions/{id}/pause")
    SubscriptionView pause(@PathVariable UUID id) {
        return view(subscribing.pause(id));
    }

    @PostMapping("/subscriptions/{id}/resume")
    SubscriptionView resume(@PathVariable UUID id) {
        return view(subscribing.resume(id));
    }

    @PostMapping("/subscriptions/{id}/revoke")
    SubscriptionView revoke(@PathVariable UUID id) {
        return view(subscribing.revoke(id));
    }

    private SubscriptionView view(Subscription s) {
        return view(s, types.byId(s.eventTypeId()).orElseThrow(), null);
    }

    private static SubscriptionView view(Subscription s, EventType type, String secret) {
        return new SubscriptionView(s.id(), type == null ? null : type.path(), s.consumer(), s.mode(), s.webhookUrl(), s.state(),
                s.requestedAt(), s.decidedAt(), s.decidedBy(), secret);
    }

    // --- pull -------------------------------------------------------------------------------------------------------

    /** The next events of a pull subscription, leased for the visibility timeout; acknowledge them to remove them. */
    @GetMapping("/subscriptions/{id}/events")
    List<PulledEvent> pull(@PathVariable UUID id, @RequestParam(defaultValue = "100") int max, Authentication caller) {
        Subscription s = subscriberOwn(id, caller);
        if (s.mode() != Subscription.Mode.PULL || s.state() != Subscription.State.ACTIVE) {
            throw PubSubProblems.conflict("subscription_not_pullable", "Đăng ký '%s' không phải đăng ký kéo (PULL) đang hoạt động".formatted(id));
        }
        int limit = Math.max(1, Math.min(max, properties.batchSize()));
        return queue.claim(id, limit, properties.lease()).stream()
                .map(e -> new PulledEvent(e.id(), e.eventType(), e.idempotencyKey(), e.orderingKey(), e.publishedAt(), e.attempts(),
                        json.readTree(e.data())))
                .toList();
    }

    @PostMapping("/subscriptions/{id}/ack")
    Map<String, Integer> acknowledge(@PathVariable UUID id, @RequestBody EventIds ids, Authentication caller) {
        subscriberOwn(id, caller);
        return Map.of("acknowledged", queue.acknowledge(id, ids.eventIds() == null ? List.of() : ids.eventIds()));
    }

    private Subscription subscriberOwn(UUID id, Authentication caller) {
        Subscription s = subscriptions.byId(id).orElseThrow(() -> PubSubProblems.unknownSubscription(id));
        Optional<ConsumerSystem> system = systemOf(caller);
        if (system.isEmpty() || !system.get().member().equals(s.consumerMember())
                || !system.get().subsystem().equals(s.consumerSubsystem())) {
            throw PubSubProblems.notSubscriber();
        }
        return s;
    }

    // --- dead letters -----------------------------------------------------------------------------------------------

    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters(@RequestParam(required = false) UUID subscription,
                                 @RequestParam(defaultValue = "200") int limit) {
        return queue.deadLetters(subscription, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/dead-letters/replay")
    Map<String, Integer> replay(@RequestBody DeadLetterAction action) {
        return Map.of("replayed", deadLetterAct(action, true));
    }

    @PostMapping("/dead-letters/discard")
    Map<String, Integer> discard(@RequestBody DeadLetterAction action) {
        return Map.of("discarded", deadLetterAct(action, false));
    }

    int deadLetterAct(DeadLetterAction action, boolean replay) {
        if (action.subscription() == null || action.eventIds() == null || action.eventIds().isEmpty()) {
            throw PubSubProblems.badRequest("eventIds", "required", "Cần 'subscription' và ít nhất một mã sự kiện trong 'eventIds'");
        }
        subscriptions.byId(action.subscription()).orElseThrow(() -> PubSubProblems.unknownSubscription(action.subscription()));
        int count = replay ? queue.replay(action.subscription(), action.eventIds()) : queue.discard(action.subscription(), action.eventIds());
        audit.record(AuditRecord.builder(replay ? "lgsp.pubsub.dead_letter.replayed" : "lgsp.pubsub.dead_letter.discarded", Outcome.SUCCESS)
                .object("lgsp-subscription", action.subscription().toString())
                .detail("events", action.eventIds().stream().map(UUID::toString).toList()).detail("count", count).build());
        return count;
    }
}
