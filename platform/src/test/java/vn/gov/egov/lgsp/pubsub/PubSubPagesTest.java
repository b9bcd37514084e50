package vn.gov.egov.lgsp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/** The operators' page (register a type, approve, replay a dead letter) and the developers' public list of events. */
class PubSubPagesTest extends PlatformTest {

    private static final String OPERATOR = "lgsp-pubsub-page-operator";

    @Autowired
    TestOfficials officials;
    @Autowired
    RegisteringEventTypes registering;
    @Autowired
    Subscribing subscribing;
    @Autowired
    PubSubBackend backend;
    @Autowired
    DeliveryQueue queue;

    @Test
    void theDevelopersSeeTheCatalogChangeEventWithItsSchema() throws Exception {
        HttpResponse<String> list = get("/lgsp/catalog/events");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1");
        HttpResponse<String> detail = get("/lgsp/catalog/events/SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1");
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Lược đồ JSON").contains("&quot;validFrom&quot;");
    }

    @Test
    void anOperatorRegistersATypeApprovesASubscriptionAndReplaysADeadLetter() throws Exception {
        knowOfficial(officials.ensure(OPERATOR, "Van-Hanh#Trang-2025", "Vận hành LGSP (trang)", new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        Browser browser = new Browser();
        browser.logIn(OPERATOR);
        String code = "trang-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = browser.post("/lgsp/admin/pubsub/event-types", "/lgsp/admin/pubsub", Map.of("member", "SO-KHCN",
                "subsystem", "DANH-MUC", "code", code, "version", "v1", "name", "Thử trang", "jsonSchema", "{\"type\": 5}"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.get("/lgsp/admin/pubsub").body()).contains("không phải lược đồ JSON hợp lệ");

        EventType type = registering.ensure(new RegisteringEventTypes.Draft("SO-KHCN", "DANH-MUC", code, "v1", "Thử trang", "",
                "{\"type\":\"object\"}", SecurityLevel.INTERNAL));
        Subscription s = subscribing.request(type, "SO-NHAN", "TRANG", null, Subscription.Mode.PUSH, "http://127.0.0.1:9/khong-nghe");
        HttpResponse<String> approved = browser.post("/lgsp/admin/pubsub/subscriptions/" + s.id() + "/approve", "/lgsp/admin/pubsub", Map.of());
        assertThat(approved.statusCode()).isEqualTo(302);
        String page = browser.get("/lgsp/admin/pubsub").body();
        assertThat(page).contains("id=\"secret\"").contains("Đã duyệt đăng ký " + s.id());

        backend.publish(type, "SO-KHCN/DANH-MUC", List.of(new NewEvent("trang-1", null, "{}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !queue.deadLetters(s.id(), 10).isEmpty());
        assertThat(browser.get("/lgsp/admin/pubsub").body()).contains("trang-1");
        UUID eventId = queue.deadLetters(s.id(), 10).get(0).eventId();
        HttpResponse<String> replayed = browser.post("/lgsp/admin/pubsub/dead-letters/replay", "/lgsp/admin/pubsub",
                Map.of("subscription", s.id().toString(), "eventId", eventId.toString()));
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/lgsp/admin/pubsub").body()).contains("Đã gửi lại 1 sự kiện");
        browser.post("/lgsp/admin/pubsub/subscriptions/" + s.id() + "/revoke", "/lgsp/admin/pubsub", Map.of());
        assertThat(queue.deadLetters(s.id(), 10)).isEmpty();
    }
}
