package vn.gov.egov.lgsp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;

/**
 * The provider's side decides requested subscriptions on a page: the owner agency's administrator sees those to
 * their agency's event types, approves one (the signing key shown once) and refuses another with a reason; another
 * agency's administrator neither sees nor decides them; the rules and messages are the API's (which refuses too).
 */
class PubSubApprovalsPageTest extends PlatformTest {

    private static final String OWNER_ADMIN = "ps-duyet-admin-stp";
    private static final String OTHER_ADMIN = "ps-duyet-admin-sxd";
    private static final String MEMBER = "SO-TP-DUYET";
    private static final String PAGE = "/lgsp/admin/pubsub/approvals";

    @Autowired
    TestOfficials officials;
    @Autowired
    ServiceCatalogAdministration registry;
    @Autowired
    RegisteringEventTypes registering;
    @Autowired
    Subscribing subscribing;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private EventType type;

    @BeforeEach
    void ownerAgencyAndItsEventType() {
        knowOfficial(officials.ensure(OWNER_ADMIN, "Quan-Tri#Duyet-Stp-2025", "Quản trị Sở Tư pháp (duyệt)",
                new Position(Role.AGENCY_ADMIN, "SO-TP", null)));
        knowOfficial(officials.ensure(OTHER_ADMIN, "Quan-Tri#Duyet-Sxd-2025", "Quản trị Sở Xây dựng (duyệt)",
                new Position(Role.AGENCY_ADMIN, "SO-XD", null)));
        if (registry.member(MEMBER).isEmpty()) {
            registry.registerMember(MEMBER, "Sở Tư pháp (thử duyệt đăng ký)", MemberKind.OTHER, "SO-TP");
            registry.registerSubsystem(MEMBER, "MOT-CUA", "Một cửa", null);
        }
        type = registering.ensure(new RegisteringEventTypes.Draft(MEMBER, "MOT-CUA", "duyet-" + UUID.randomUUID().toString().substring(0, 8),
                "v1", "Hồ sơ đã tiếp nhận", "", "{\"type\":\"object\"}", SecurityLevel.INTERNAL));
    }

    private Subscription requested(String subsystem) {
        return subscribing.request(type, "SO-NHAN-DUYET", subsystem, null, Subscription.Mode.PUSH, "https://nhan.example.vn/hook");
    }

    private Subscription.State state(Subscription s) {
        return subscriptions.byId(s.id()).orElseThrow().state();
    }

    private long audited(Subscription s, String action) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM audit_pending WHERE object_id = :id AND action = :action AND actor_id = :who)
                     + (SELECT count(*) FROM audit_entry WHERE object_id = :id AND action = :action AND actor_id = :who)""")
                .param("id", s.id().toString()).param("action", action).param("who", OWNER_ADMIN).query(Long.class).single();
    }

    @Test
    void theOwnerAgencysAdministratorApprovesOneAndRefusesAnotherWithAReason() throws Exception {
        Subscription first = requested("HE-THONG-1");
        Subscription second = requested("HE-THONG-2");

        Browser other = new Browser();
        other.logIn(OTHER_ADMIN);
        HttpResponse<String> othersPage = other.get(PAGE);
        assertThat(othersPage.statusCode()).isEqualTo(200);
        assertThat(othersPage.body()).as("another agency's administrator does not see them")
                .doesNotContain(first.id().toString()).doesNotContain(second.id().toString());
        assertThat(other.post(PAGE + "/" + first.id() + "/approve", PAGE, Map.of()).statusCode()).isEqualTo(302);
        assertThat(other.get(PAGE).body()).contains("id=\"problem\"").contains("Chỉ cán bộ vận hành LGSP hoặc quản trị của cơ quan sở hữu");
        assertThat(state(first)).isEqualTo(Subscription.State.REQUESTED);

        Browser owner = new Browser();
        owner.logIn(OWNER_ADMIN);
        assertThat(owner.get("/workspace").body()).as("the way there from the workspace")
                .contains("id=\"workspace-pubsub-approvals\"").contains(PAGE);
        String page = owner.get(PAGE).body();
        assertThat(page).contains("data-id=\"" + first.id() + "\"").contains("data-id=\"" + second.id() + "\"")
                .contains("SO-NHAN-DUYET/HE-THONG-1").contains(type.path()).contains("Lý do từ chối");

        assertThat(owner.post(PAGE + "/" + first.id() + "/approve", PAGE, Map.of()).statusCode()).isEqualTo(302);
        page = owner.get(PAGE).body();
        assertThat(page).contains("id=\"secret\"").contains("Đã duyệt đăng ký của SO-NHAN-DUYET/HE-THONG-1")
                .doesNotContain("data-id=\"" + first.id() + "\"");
        assertThat(state(first)).isEqualTo(Subscription.State.ACTIVE);
        assertThat(audited(first, "lgsp.pubsub.subscription.approved")).isEqualTo(1);

        // a refusal needs its reason, as in the API
        owner.post(PAGE + "/" + second.id() + "/refuse", PAGE, Map.of("reason", "   "));
        assertThat(owner.get(PAGE).body()).contains("Trường &#39;reason&#39; (lý do từ chối) là bắt buộc, tối đa 500 ký tự");
        assertThat(state(second)).isEqualTo(Subscription.State.REQUESTED);

        owner.post(PAGE + "/" + second.id() + "/refuse", PAGE, Map.of("reason", "Hệ thống nhận chưa có văn bản thỏa thuận chia sẻ dữ liệu"));
        page = owner.get(PAGE).body();
        assertThat(page).contains("Đã từ chối đăng ký của SO-NHAN-DUYET/HE-THONG-2").doesNotContain("data-id=\"" + second.id() + "\"");
        assertThat(state(second)).isEqualTo(Subscription.State.REFUSED);
        assertThat(subscriptions.decisionReason(second.id())).hasValue("Hệ thống nhận chưa có văn bản thỏa thuận chia sẻ dữ liệu");
        assertThat(audited(second, "lgsp.pubsub.subscription.refused")).isEqualTo(1);

        // decided: neither may be decided again
        owner.post(PAGE + "/" + second.id() + "/approve", PAGE, Map.of());
        assertThat(owner.get(PAGE).body()).contains("đang ở trạng thái REFUSED, không chờ duyệt");
        assertThat(state(second)).isEqualTo(Subscription.State.REFUSED);
    }

    @Test
    void theApiRefusesWithTheSameRules() throws Exception {
        Subscription s = requested("HE-THONG-API");
        String path = "/api/v1/lgsp/pubsub/subscriptions/" + s.id() + "/refuse";

        HttpResponse<String> foreign = as(OTHER_ADMIN, "POST", path, "application/json", "{\"reason\": \"Không\"}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.not_provider");

        HttpResponse<String> noReason = as(OWNER_ADMIN, "POST", path, "application/json", "{}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        HttpResponse<String> tooLong = as(OWNER_ADMIN, "POST", path, "application/json", "{\"reason\": \"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);

        HttpResponse<String> refused = as(OWNER_ADMIN, "POST", path, "application/json", "{\"reason\": \"Chưa có thỏa thuận\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(json.readTree(refused.body()).get("state").asString()).isEqualTo("REFUSED");
        HttpResponse<String> again = as(OWNER_ADMIN, "POST", "/api/v1/lgsp/pubsub/subscriptions/" + s.id() + "/approve", null, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.subscription_not_requested");

        // the reason, for the subscriber (or the LGSP's operators); nobody else
        HttpResponse<String> read = asAdmin("GET", "/api/v1/lgsp/pubsub/subscriptions/" + s.id(), null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("state").asString()).isEqualTo("REFUSED");
        assertThat(json.readTree(read.body()).get("refusalReason").asString()).isEqualTo("Chưa có thỏa thuận");
        assertThat(as(OTHER_ADMIN, "GET", "/api/v1/lgsp/pubsub/subscriptions/" + s.id(), null, null).statusCode()).isEqualTo(403);
    }
}
