package vn.gov.egov.lgsp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.catalog.CatalogChanged;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.LogSearch;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;

/**
 * The pub/sub API as agency systems and LGSP operators use it: an operator registers an event type (its schema
 * checked), a consumer system asks for a subscription and the operator approves it, the owner system publishes with
 * its client-credentials token (others are refused), events are pushed signed or pulled and acknowledged; the shared
 * catalogs' changes arrive as events.
 */
class PubSubApiTest extends PlatformTest {

    private static final String OPERATOR = "lgsp-pubsub-operator";
    private static final String MEMBER = "SO-THU-PS";

    @Autowired
    TestOfficials officials;
    @Autowired
    ServiceCatalogAdministration registry;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MessageLogQueries messageLog;
    @Autowired
    RegisteringEventTypes registering;

    @BeforeEach
    void systems() {
        knowOfficial(officials.ensure(OPERATOR, "Van-Hanh#Lgsp-2025", "Vận hành LGSP", new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        if (registry.member(MEMBER).isEmpty()) {
            registry.registerMember(MEMBER, "Sở thử phát hành", MemberKind.OTHER, null);
            registry.registerSubsystem(MEMBER, "PHAT", "Hệ thống phát hành", client("ps-publisher"));
            registry.registerSubsystem(MEMBER, "NHAN", "Hệ thống nhận", client("ps-consumer"));
            registry.registerSubsystem(MEMBER, "KHAC", "Hệ thống khác", client("ps-other"));
        }
    }

    private String client(String clientId) {
        if (clients.findByClientId(clientId) == null) {
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}secret-" + clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        }
        return clientId;
    }

    private String systemToken(String clientId) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, "secret-" + clientId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=lgsp.call")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return accessTokenIn(token.body());
    }

    private HttpResponse<String> asSystem(String clientId, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + systemToken(clientId))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String newEventType() throws Exception {
        String code = "ho-so-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/event-types", "application/json", """
                {"member": "%s", "subsystem": "PHAT", "code": "%s", "version": "v1", "name": "Hồ sơ thay đổi",
                 "jsonSchema": {"type": "object", "required": ["maHoSo"], "properties": {"maHoSo": {"type": "string", "minLength": 5}}},
                 "securityLevel": "INTERNAL"}""".formatted(MEMBER, code));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode type = json.readTree(registered.body());
        assertThat(type.get("state").asString()).isEqualTo("DRAFT");
        HttpResponse<String> published = as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/event-types/" + type.get("id").asString() + "/state",
                "application/json", "{\"state\": \"PUBLISHED\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return MEMBER + "/PHAT/" + code + "/v1";
    }

    @Test
    void anEventTypeWithABrokenSchemaIsRefusedNamingTheRule() throws Exception {
        HttpResponse<String> refused = as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/event-types", "application/json", """
                {"member": "%s", "subsystem": "PHAT", "code": "hong", "version": "v1", "name": "Hỏng",
                 "jsonSchema": {"type": "khong-phai-kieu", "minLength": -1}}""".formatted(MEMBER));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.invalid_schema");
        assertThat(json.readTree(refused.body()).get("errorClass").asString()).isEqualTo("pubsub.invalid_schema");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("jsonSchema");

        HttpResponse<String> unknownOwner = as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/event-types", "application/json", """
                {"member": "%s", "subsystem": "KHONG-CO", "code": "x", "version": "v1", "name": "X", "jsonSchema": {}}""".formatted(MEMBER));
        assertThat(unknownOwner.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownOwner.body()).get("detail").asString()).contains("chưa đăng ký");
    }

    @Test
    void theOwnerPublishesOthersAreRefusedAndTheSubscriberReceivesEachEventOnceSigned() throws Exception {
        String type = newEventType();
        try (TestWebhook webhook = new TestWebhook()) {
            HttpResponse<String> badUrl = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions",
                    "{\"eventType\": \"%s\", \"mode\": \"PUSH\", \"webhookUrl\": \"ftp://nhan.example/hook\"}".formatted(type));
            assertThat(badUrl.statusCode()).isEqualTo(400);
            assertThat(json.readTree(badUrl.body()).get("field").asString()).isEqualTo("webhookUrl");

            HttpResponse<String> requested = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions",
                    "{\"eventType\": \"%s\", \"mode\": \"PUSH\", \"webhookUrl\": \"%s\"}".formatted(type, webhook.url()));
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            JsonNode subscription = json.readTree(requested.body());
            assertThat(subscription.get("state").asString()).isEqualTo("REQUESTED");
            assertThat(subscription.get("consumer").asString()).isEqualTo(MEMBER + "/NHAN");

            String id = subscription.get("id").asString();
            assertThat(asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null).statusCode())
                    .as("a consumer does not approve its own subscription").isEqualTo(403);
            HttpResponse<String> approved = as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null, null);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            webhook.secret = json.readTree(approved.body()).get("secret").asString();

            String path = "/api/v1/lgsp/pubsub/events/" + type;
            HttpResponse<String> notOwner = asSystem("ps-consumer", "POST", path, "{\"maHoSo\": \"000.00.10.H20-261127-0001\"}",
                    "Idempotency-Key", "k-1");
            assertThat(notOwner.statusCode()).isEqualTo(403);
            assertThat(notOwner.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.not_publisher");

            HttpResponse<String> unknown = asSystem("ps-publisher", "POST", "/api/v1/lgsp/pubsub/events/" + MEMBER + "/PHAT/khong-co/v1",
                    "{}", "Idempotency-Key", "k-1");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json.readTree(unknown.body()).get("errorClass").asString()).isEqualTo("pubsub.unknown_event_type");

            String malformedId = "ps-" + UUID.randomUUID();
            HttpResponse<String> malformed = asSystem("ps-publisher", "POST", path, "{\"maHoSo\": \"ab\"}", "Idempotency-Key", "k-1",
                    "X-Lgsp-Request-Id", malformedId);
            assertThat(malformed.statusCode()).isEqualTo(422);
            JsonNode problem = json.readTree(malformed.body());
            assertThat(problem.get("errorClass").asString()).isEqualTo("pubsub.schema_violation");
            assertThat(problem.at("/violations/0/path").asString()).contains("maHoSo");
            assertThat(problem.at("/violations/0/rule").asString()).isEqualTo("minLength");
            assertThat(malformed.headers().firstValue("X-Lgsp-Request-Id")).hasValue(malformedId);
            assertThat(messageLog.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(messageLog.byRequestId(malformedId)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo("PUBLISH");
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.errorClass()).isEqualTo("pubsub.schema_violation");
                assertThat(r.consumer()).isEqualTo(MEMBER + "/PHAT");
                assertThat(r.service()).isEqualTo(type);
            });

            HttpResponse<String> noKey = asSystem("ps-publisher", "POST", path, "{\"maHoSo\": \"000.00.10.H20-261127-0001\"}");
            assertThat(noKey.statusCode()).isEqualTo(400);
            assertThat(json.readTree(noKey.body()).get("field").asString()).isEqualTo("Idempotency-Key");

            HttpResponse<String> first = asSystem("ps-publisher", "POST", path, "{\"maHoSo\": \"000.00.10.H20-261127-0001\"}",
                    "Idempotency-Key", "k-1", "X-Lgsp-Ordering-Key", "000.00.10.H20-261127-0001");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            HttpResponse<String> again = asSystem("ps-publisher", "POST", path, "{\"maHoSo\": \"000.00.10.H20-261127-0001\"}",
                    "Idempotency-Key", "k-1");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json.readTree(again.body()).get("id").asString()).isEqualTo(json.readTree(first.body()).get("id").asString());

            HttpResponse<String> batch = asSystem("ps-publisher", "POST", path + "/batch", """
                    [{"idempotencyKey": "k-2", "data": {"maHoSo": "000.00.10.H20-261127-0002"}},
                     {"idempotencyKey": "k-3", "orderingKey": "x", "data": {"maHoSo": "000.00.10.H20-261127-0003"}}]""");
            assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
            assertThat(json.readTree(batch.body()).get("accepted").asInt()).isEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.keys().size() == 3);
            Thread.sleep(500);
            assertThat(webhook.rawDeliveries()).isEqualTo(3);
            assertThat(webhook.badSignatures()).isZero();
            assertThat(webhook.received()).extracting(r -> r.data().get("maHoSo").asString())
                    .containsExactlyInAnyOrder("000.00.10.H20-261127-0001", "000.00.10.H20-261127-0002", "000.00.10.H20-261127-0003");
            assertThat(messageLog.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(messageLog.search(new LogSearch(null, null, type, null, null, null, null, null), 0, 50).records())
                    .extracting(LogRecord::kind).contains("PUBLISH", "DELIVERY");
        }
    }

    @Test
    void theOwnerAgencysAdministratorMayDecideAnotherAgencysMayNot() throws Exception {
        knowOfficial(officials.ensure("ps-admin-stp", "Quan-Tri#Stp-2025", "Quản trị Sở Tư pháp", new Position(Role.AGENCY_ADMIN, "SO-TP", null)));
        knowOfficial(officials.ensure("ps-admin-sxd", "Quan-Tri#Sxd-2025", "Quản trị Sở Xây dựng", new Position(Role.AGENCY_ADMIN, "SO-XD", null)));
        if (registry.member("SO-TP-PS").isEmpty()) {
            registry.registerMember("SO-TP-PS", "Sở Tư pháp (thử phát hành)", MemberKind.OTHER, "SO-TP");
            registry.registerSubsystem("SO-TP-PS", "MOT-CUA", "Một cửa", null);
        }
        registering.ensure(new RegisteringEventTypes.Draft("SO-TP-PS", "MOT-CUA", "ho-so", "v1", "Hồ sơ", "", "{\"type\":\"object\"}",
                vn.gov.egov.lgsp.registry.SecurityLevel.INTERNAL));
        HttpResponse<String> requested = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions",
                "{\"eventType\": \"SO-TP-PS/MOT-CUA/ho-so/v1\", \"mode\": \"PULL\"}");
        String id = json.readTree(requested.body()).get("id").asString();

        HttpResponse<String> foreign = as("ps-admin-sxd", "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null, null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.not_provider");
        HttpResponse<String> owner = as("ps-admin-stp", "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null, null);
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(json.readTree(owner.body()).get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aPullSubscriberLeasesAndAcknowledgesAndNoOtherSystemMayPull() throws Exception {
        String type = newEventType();
        HttpResponse<String> requested = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions",
                "{\"eventType\": \"%s\", \"mode\": \"PULL\"}".formatted(type));
        String id = json.readTree(requested.body()).get("id").asString();
        assertThat(as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null, null).statusCode()).isEqualTo(200);
        asSystem("ps-publisher", "POST", "/api/v1/lgsp/pubsub/events/" + type + "/batch", """
                [{"idempotencyKey": "p-1", "data": {"maHoSo": "000.00.10.H20-261127-0101"}},
                 {"idempotencyKey": "p-2", "data": {"maHoSo": "000.00.10.H20-261127-0102"}},
                 {"idempotencyKey": "p-3", "data": {"maHoSo": "000.00.10.H20-261127-0103"}}]""");

        HttpResponse<String> foreign = asSystem("ps-other", "GET", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/events?max=2", null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("X-Lgsp-Error")).hasValue("pubsub.not_subscriber");

        JsonNode pulled = json.readTree(asSystem("ps-consumer", "GET", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/events?max=2", null).body());
        assertThat(pulled).hasSize(2);
        assertThat(pulled.get(0).get("idempotencyKey").asString()).isEqualTo("p-1");
        assertThat(pulled.get(0).at("/data/maHoSo").asString()).isEqualTo("000.00.10.H20-261127-0101");
        HttpResponse<String> ack = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/ack",
                "{\"eventIds\": [\"%s\", \"%s\"]}".formatted(pulled.get(0).get("id").asString(), pulled.get(1).get("id").asString()));
        assertThat(json.readTree(ack.body()).get("acknowledged").asInt()).isEqualTo(2);
        JsonNode rest = json.readTree(asSystem("ps-consumer", "GET", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/events", null).body());
        assertThat(rest).extracting(e -> e.get("idempotencyKey").asString()).containsExactly("p-3");
    }

    @Test
    void aSharedCatalogChangeIsPublishedWithALinkThroughTheLgsp() throws Exception {
        String type = "SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1";
        JsonNode listed = json.readTree(get("/api/v1/lgsp/pubsub/event-types/" + type).body());
        assertThat(listed.at("/jsonSchema/required").toString()).contains("catalog", "code", "link");
        HttpResponse<String> requested = asSystem("ps-consumer", "POST", "/api/v1/lgsp/pubsub/subscriptions",
                "{\"eventType\": \"%s\", \"mode\": \"PULL\"}".formatted(type));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = json.readTree(requested.body()).get("id").asString();
        as(OPERATOR, "POST", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/approve", null, null);

        long changeId = System.nanoTime();
        transactions.executeWithoutResult(status -> events.publishEvent(new CatalogChanged("religions", 7, changeId, "EDIT",
                List.of("01"), ADMIN, Instant.parse("2026-11-27T08:00:00Z"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode pulled = json.readTree(asSystem("ps-consumer", "GET", "/api/v1/lgsp/pubsub/subscriptions/" + id + "/events", null).body());
            for (JsonNode e : pulled) {
                if (e.get("idempotencyKey").asString().equals("catalog-change-" + changeId + "-01")) {
                    assertThat(e.at("/data/catalog").asString()).isEqualTo("religions");
                    assertThat(e.at("/data/code").asString()).isEqualTo("01");
                    assertThat(e.at("/data/change").asString()).isEqualTo("EDIT");
                    assertThat(e.at("/data/validFrom").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
                    assertThat(e.at("/data/link").asString()).endsWith("/lgsp/r1/SO-KHCN/DANH-MUC/danh-muc/v1/religions/entries/01");
                    return true;
                }
            }
            return false;
        });
    }
}
