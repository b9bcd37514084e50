package vn.gov.egov.lgsp.pubsub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.lgsp.registry.RegistryMember;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;

/**
 * Subscriptions' life: a consumer system requests one (push to a webhook, or pull); the provider's side approves it
 * (the webhook's signing key is shown once then), pauses, resumes or revokes it. Every decision is audited.
 */
@Service
class Subscribing {

    /** An approved subscription; {@code secret} is the webhook signing key, shown only in this answer (push). */
    record Approved(Subscription subscription, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Subscriptions subscriptions;
    private final EventTypes types;
    private final DeliveryQueue queue;
    private final AuditTrail audit;
    private final Officials officials;
    private final ServiceCatalogAdministration registry;

    Subscribing(Subscriptions subscriptions, EventTypes types, DeliveryQueue queue, AuditTrail audit, Officials officials,
                ServiceCatalogAdministration registry) {
        this.subscriptions = subscriptions;
        this.types = types;
        this.queue = queue;
        this.audit = audit;
        this.officials = officials;
        this.registry = registry;
    }

    /**
     * The provider's side decides: an LGSP operator, or an agency administrator of the agency that is the event type's
     * owner member (the platform itself when no user acts: start-up, tests).
     */
    boolean mayDecide(Subscription s) {
        Actor actor = Actor.current();
        if (actor == null || actor.roles().contains(Role.LGSP_OPERATOR.name())) {
            return true;
        }
        if (actor.roles().contains(Role.AGENCY_ADMIN.name())) {
            String ownerAgency = types.byId(s.eventTypeId()).flatMap(t -> registry.member(t.member()))
                    .map(RegistryMember::agencyCode).orElse(null);
            return ownerAgency != null && officials.byUsername(actor.userId()).map(o -> o.positions().stream()
                    .anyMatch(p -> p.role() == Role.AGENCY_ADMIN && ownerAgency.equals(p.agencyCode()))).orElse(false);
        }
        return false;
    }

    /** The requested subscriptions the current user may decide (all for an LGSP operator), oldest first. */
    java.util.List<Subscription> awaitingDecision() {
        return subscriptions.requested().stream().filter(this::mayDecide).toList();
    }

    private void checkMayDecide(Subscription s) {
        if (mayDecide(s)) {
            return;
        }
        throw PubSubProblems.problem(org.springframework.http.HttpStatus.FORBIDDEN, "not_provider", "Không phải bên cung cấp",
                "Chỉ cán bộ vận hành LGSP hoặc quản trị của cơ quan sở hữu loại sự kiện mới được quyết định đăng ký này");
    }

    @Transactional
    Subscription request(EventType type, String consumerMember, String consumerSubsystem, String clientId,
                         Subscription.Mode mode, String webhookUrl) {
        if (type.state() == vn.gov.egov.lgsp.registry.ServiceState.RETIRED) {
            throw PubSubProblems.conflict("event_type_retired", "Loại sự kiện '%s' đã ngừng: không đăng ký nhận được".formatted(type.path()));
        }
        if (mode == null) {
            throw PubSubProblems.badRequest("mode", "required", "Trường 'mode' phải là PUSH hoặc PULL");
        }
        String url = null;
        if (mode == Subscription.Mode.PUSH) {
            url = checkedWebhook(webhookUrl);
        }
        Subscription s = new Subscription(UUID.randomUUID(), type.id(), consumerMember, consumerSubsystem, clientId, mode, url,
                Subscription.State.REQUESTED, Instant.now(), null, null);
        subscriptions.insert(s);
        audit.record(AuditRecord.builder("lgsp.pubsub.subscription.requested", Outcome.SUCCESS)
                .object("lgsp-subscription", s.id().toString()).detail("eventType", type.path()).detail("consumer", s.consumer())
                .detail("mode", mode.name()).build());
        return s;
    }

    /** Absolute http(s) with a host, no user info, no fragment. */
    static String checkedWebhook(String webhookUrl) {
        URI uri;
        try {
            uri = webhookUrl == null ? null : new URI(webhookUrl.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.toString().length() > 2000) {
            throw PubSubProblems.badRequest("webhookUrl", "absolute-http-url",
                    "Trường 'webhookUrl' phải là địa chỉ http hoặc https tuyệt đối, có tên máy, không có thông tin đăng nhập hay phần '#'");
        }
        return uri.toString();
    }

    @Transactional
    Approved approve(UUID id) {
        Subscription s = subscriptions.lockedById(id).orElseThrow(() -> PubSubProblems.unknownSubscription(id));
        checkMayDecide(s);
        if (s.state() != Subscription.State.REQUESTED) {
            throw PubSubProblems.conflict("subscription_not_requested", "Đăng ký '%s' đang ở trạng thái %s, không chờ duyệt".formatted(id, s.state()));
        }
        String secret = s.mode() == Subscription.Mode.PUSH ? newSecret() : null;
        subscriptions.decide(id, Subscription.State.ACTIVE, actorId(), secret);
        audit.record(AuditRecord.builder("lgsp.pubsub.subscription.approved", Outcome.SUCCESS)
                .object("lgsp-subscription", id.toString()).changed("state", s.state().name(), "ACTIVE").build());
        return new Approved(subscriptions.byId(id).orElseThrow(), secret);
    }

    /** The longest reason for a refusal. */
    static final int MAX_REASON = 500;

    /**
     * The provider's side refuses a requested subscription, saying why (the consumer's system and the audit trail
     * keep the reason). The same rules as an approval: who may decide, and only a requested subscription.
     */
    @Transactional
    Subscription refuse(UUID id, String reason) {
        Subscription s = subscriptions.lockedById(id).orElseThrow(() -> PubSubProblems.unknownSubscription(id));
        checkMayDecide(s);
        if (s.state() != Subscription.State.REQUESTED) {
            throw PubSubProblems.conflict("subscription_not_requested", "Đăng ký '%s' đang ở trạng thái %s, không chờ duyệt".formatted(id, s.state()));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw PubSubProblems.badRequest("reason", why.isEmpty() ? "required" : "max-length",
                    "Trường 'reason' (lý do từ chối) là bắt buộc, tối đa %d ký tự".formatted(MAX_REASON));
        }
        if (!subscriptions.refuse(id, actorId(), why)) {
            throw PubSubProblems.conflict("subscription_not_requested", "Đăng ký '%s' vừa được quyết định, không còn chờ duyệt".formatted(id));
        }
        audit.record(AuditRecord.builder("lgsp.pubsub.subscription.refused", Outcome.SUCCESS)
                .object("lgsp-subscription", id.toString()).changed("state", s.state().name(), "REFUSED").detail("reason", why).build());
        return subscriptions.byId(id).orElseThrow();
    }

    @Transactional
    Subscription pause(UUID id) {
        return move(id, Subscription.State.ACTIVE, Subscription.State.PAUSED, "paused");
    }

    @Transactional
    Subscription resume(UUID id) {
        return move(id, Subscription.State.PAUSED, Subscription.State.ACTIVE, "resumed");
    }

    @Transactional
    Subscription revoke(UUID id) {
        Subscription s = existing(id);
        checkMayDecide(s);
        if (s.state() == Subscription.State.REVOKED || s.state() == Subscription.State.REFUSED) {
            return s;
        }
        subscriptions.decide(id, Subscription.State.REVOKED, actorId(), null);
        queue.drop(id);
        audit.record(AuditRecord.builder("lgsp.pubsub.subscription.revoked", Outcome.SUCCESS)
                .object("lgsp-subscription", id.toString()).changed("state", s.state().name(), "REVOKED").build());
        return subscriptions.byId(id).orElseThrow();
    }

    private Subscription move(UUID id, Subscription.State from, Subscription.State to, String act) {
        Subscription s = existing(id);
        checkMayDecide(s);
        if (s.state() != from) {
            throw PubSubProblems.conflict("subscription_state", "Đăng ký '%s' đang ở trạng thái %s".formatted(id, s.state()));
        }
        subscriptions.decide(id, to, actorId(), null);
        audit.record(AuditRecord.builder("lgsp.pubsub.subscription." + act, Outcome.SUCCESS)
                .object("lgsp-subscription", id.toString()).changed("state", from.name(), to.name()).build());
        return subscriptions.byId(id).orElseThrow();
    }

    private Subscription existing(UUID id) {
        return subscriptions.byId(id).orElseThrow(() -> PubSubProblems.unknownSubscription(id));
    }

    private static String actorId() {
        Actor actor = Actor.current();
        return actor == null ? Actor.SYSTEM_ID : actor.userId();
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
