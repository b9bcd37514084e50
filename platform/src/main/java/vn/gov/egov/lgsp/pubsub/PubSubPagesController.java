package vn.gov.egov.lgsp.pubsub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceState;

/**
 * Pages: the operators' {@code /lgsp/admin/pubsub} (event types, subscriptions and approvals, dead letters with
 * replay), the provider's side's {@code /lgsp/admin/pubsub/approvals} (requested subscriptions to approve or refuse:
 * LGSP operators, and the owner agency's administrators for their event types) and the developers' public list of
 * event types {@code /lgsp/catalog/events}.
 */
@Controller
class PubSubPagesController {

    /** A subscription as the page lists it. */
    record SubscriptionRow(Subscription subscription, String eventType, long waiting, long dead) {
    }

    /** A requested subscription on the approvals page; {@code mayDecide} false: shown to read only. */
    record RequestRow(Subscription subscription, String eventType, String eventTypeName, String requestedAt, boolean mayDecide) {
    }

    private static final java.time.format.DateTimeFormatter REQUESTED_AT = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private final EventTypes types;
    private final Subscriptions subscriptions;
    private final RegisteringEventTypes registering;
    private final Subscribing subscribing;
    private final DeliveryQueue queue;
    private final PubSubApiController api;
    private final ObjectMapper json;

    PubSubPagesController(EventTypes types, Subscriptions subscriptions, RegisteringEventTypes registering, Subscribing subscribing,
                          DeliveryQueue queue, PubSubApiController api, ObjectMapper json) {
        this.types = types;
        this.subscriptions = subscriptions;
        this.registering = registering;
        this.subscribing = subscribing;
        this.queue = queue;
        this.api = api;
        this.json = json;
    }

    @GetMapping("/lgsp/admin/pubsub")
    String admin(Model model) {
        List<EventType> all = types.all();
        Map<UUID, String> paths = new HashMap<>();
        all.forEach(t -> paths.put(t.id(), t.path()));
        Map<UUID, DeliveryQueue.QueueStats> stats = new HashMap<>();
        queue.stats().forEach(s -> stats.put(s.subscription(), s));
        model.addAttribute("types", all);
        model.addAttribute("states", ServiceState.values());
        model.addAttribute("levels", SecurityLevel.values());
        model.addAttribute("subscriptions", subscriptions.all().stream().map(s -> {
            DeliveryQueue.QueueStats q = stats.get(s.id());
            return new SubscriptionRow(s, paths.get(s.eventTypeId()), q == null ? 0 : q.waiting(), q == null ? 0 : q.dead());
        }).toList());
        model.addAttribute("deadLetters", queue.deadLetters(null, 200));
        return "lgsp/pubsub/admin";
    }

    @PostMapping("/lgsp/admin/pubsub/event-types")
    String register(@RequestParam String member, @RequestParam String subsystem, @RequestParam String code,
                    @RequestParam String version, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                    @RequestParam String jsonSchema, @RequestParam(defaultValue = "INTERNAL") SecurityLevel securityLevel,
                    RedirectAttributes redirect) {
        return act(redirect, () -> "Đã đăng ký loại sự kiện " + registering.register(new RegisteringEventTypes.Draft(member.strip(),
                subsystem.strip(), code.strip(), version.strip(), name, description, jsonSchema, securityLevel), ServiceState.DRAFT).path());
    }

    @PostMapping("/lgsp/admin/pubsub/event-types/{id}/state")
    String changeState(@PathVariable UUID id, @RequestParam ServiceState state, RedirectAttributes redirect) {
        return act(redirect, () -> "Loại sự kiện " + registering.changeState(id, state).path() + " chuyển sang " + state);
    }

    @PostMapping("/lgsp/admin/pubsub/subscriptions/{id}/{action}")
    String decide(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        return act(redirect, () -> switch (action) {
            case "approve" -> {
                Subscribing.Approved approved = subscribing.approve(id);
                if (approved.secret() != null) {
                    redirect.addFlashAttribute("secret", approved.secret());
                }
                yield "Đã duyệt đăng ký " + id;
            }
            case "pause" -> "Đã tạm dừng đăng ký " + subscribing.pause(id).id();
            case "resume" -> "Đã tiếp tục đăng ký " + subscribing.resume(id).id();
            case "revoke" -> "Đã thu hồi đăng ký " + subscribing.revoke(id).id();
            default -> throw PubSubProblems.badRequest("action", "one-of", "Thao tác phải là approve, pause, resume hoặc revoke");
        });
    }

    @PostMapping("/lgsp/admin/pubsub/dead-letters/{action}")
    String deadLetter(@RequestParam UUID subscription, @RequestParam UUID eventId, @PathVariable String action,
                      RedirectAttributes redirect) {
        boolean replay = "replay".equals(action);
        return act(redirect, () -> (replay ? "Đã gửi lại " : "Đã hủy ")
                + api.deadLetterAct(new PubSubApiController.DeadLetterAction(subscription, List.of(eventId)), replay) + " sự kiện");
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return act(redirect, action, "/lgsp/admin/pubsub");
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action, String page) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:" + page;
    }

    // --- the provider's side: approvals ---------------------------------------------------------------------------

    /**
     * The requested subscriptions the user may decide (an agency administrator: those to the event types of their
     * agency's members; an LGSP operator: all); the province administrator reads them all.
     */
    @GetMapping("/lgsp/admin/pubsub/approvals")
    String approvals(Model model) {
        vn.gov.egov.audit.Actor actor = vn.gov.egov.audit.Actor.current();
        boolean readsAll = actor != null && actor.roles().contains(vn.gov.egov.identity.Role.PROVINCE_ADMIN.name());
        Map<UUID, EventType> byId = new HashMap<>();
        types.all().forEach(t -> byId.put(t.id(), t));
        List<RequestRow> rows = subscriptions.requested().stream().map(s -> {
            EventType type = byId.get(s.eventTypeId());
            return new RequestRow(s, type == null ? "" : type.path(), type == null ? "" : type.name(),
                    REQUESTED_AT.format(s.requestedAt()), subscribing.mayDecide(s));
        }).filter(r -> r.mayDecide() || readsAll).toList();
        model.addAttribute("requests", rows);
        model.addAttribute("maxReason", Subscribing.MAX_REASON);
        return "lgsp/pubsub/approvals";
    }

    @PostMapping("/lgsp/admin/pubsub/approvals/{id}/approve")
    String approveRequest(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            Subscribing.Approved approved = subscribing.approve(id);
            if (approved.secret() != null) {
                redirect.addFlashAttribute("secret", approved.secret());
            }
            return "Đã duyệt đăng ký của " + approved.subscription().consumer() + " (" + id + ")";
        }, "/lgsp/admin/pubsub/approvals");
    }

    @PostMapping("/lgsp/admin/pubsub/approvals/{id}/refuse")
    String refuseRequest(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, () -> "Đã từ chối đăng ký của " + subscribing.refuse(id, reason).consumer() + " (" + id + ")",
                "/lgsp/admin/pubsub/approvals");
    }

    @GetMapping("/lgsp/catalog/events")
    String catalog(Model model) {
        model.addAttribute("types", types.all().stream().filter(t -> t.state().callable()).toList());
        return "lgsp/pubsub/catalog";
    }

    @GetMapping("/lgsp/catalog/events/{member}/{subsystem}/{code}/{version}")
    String eventType(@PathVariable String member, @PathVariable String subsystem, @PathVariable String code,
                     @PathVariable String version, Model model) {
        EventType type = types.byPath(member, subsystem, code, version).filter(t -> t.state().callable())
                .orElseThrow(() -> PubSubProblems.unknownEventType(member + "/" + subsystem + "/" + code + "/" + version));
        model.addAttribute("type", type);
        model.addAttribute("schema", json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json.readTree(type.jsonSchema())));
        return "lgsp/pubsub/event-type";
    }
}
