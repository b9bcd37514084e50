package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/** The registry's REST API: the public catalog never shows endpoints; operators and provider agencies act, others get 403. */
class RegistryApiTest extends PlatformTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OPERATOR = "lgsp-test-operator";
    static final String TP_ADMIN = "lgsp-test-admin-so-tp";
    static final String XD_ADMIN = "lgsp-test-admin-so-xd";
    static final String WSDL = """
            <?xml version="1.0"?>
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" name="HoTich" targetNamespace="urn:ho-tich">
              <portType name="HoTichPort">
                <operation name="TraCuuKhaiSinh"><documentation>Tra cứu khai sinh</documentation></operation>
                <operation name="TraCuuKetHon"/>
              </portType>
            </definitions>
            """;

    @Autowired
    TestOfficials officials;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisteredClientsForTests clients;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeEach
    void officials() {
        knowOfficial(officials.ensure(OPERATOR, "Van-Hanh#LGSP-2025", "Nông Văn Vận Hành", new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        knowOfficial(officials.ensure(TP_ADMIN, "Quan-Tri#So-Tu-Phap-2025", "Hoàng Thị Tư Pháp", new Position(Role.AGENCY_ADMIN, "SO-TP", null)));
        knowOfficial(officials.ensure(XD_ADMIN, "Quan-Tri#So-Xay-Dung-2025", "Lã Văn Xây Dựng", new Position(Role.AGENCY_ADMIN, "SO-XD", null)));
    }

    private JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String user, String path, Object body) throws Exception {
        return as(user, "POST", path, "application/json", JSON.writeValueAsString(body));
    }

    @Test
    void thePublicCatalogListsTheKnownServicesWithoutEndpointsAndFindsThemWithOrWithoutDiacritics() throws Exception {
        HttpResponse<String> all = get("/api/v1/lgsp/services");
        JsonNode services = json(all, 200);
        assertThat(all.body()).doesNotContain("endpoint").doesNotContain("127.0.0.1").doesNotContain("localhost")
                .doesNotContain("operation\"").doesNotContain("clientId");
        JsonNode population = services.valueStream().filter(s -> s.get("address").asString().equals("BCA/CSDLQGDC/cong-dan/v1"))
                .findFirst().orElseThrow();
        assertThat(population.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(population.get("providerName").asString()).isEqualTo("Bộ Công an");
        assertThat(population.get("gatewayPath").asString()).isEqualTo("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1");
        assertThat(services.valueStream().map(s -> s.get("address").asString())).contains(PlatformServices.CATALOG.path(),
                NationalServices.BUSINESS_REGISTRY.path(), NationalServices.PROCEDURES.path(), NationalServices.NATIONAL_PORTAL.path(),
                NationalServices.PAYGOV.path(), NationalServices.VNPOST.path());

        for (String q : List.of("c%C3%B4ng%20d%C3%A2n", "cong%20dan", "CONG%20DAN")) {
            assertThat(json(get("/api/v1/lgsp/services?q=" + q), 200).valueStream().map(s -> s.get("address").asString()))
                    .as(q).contains("BCA/CSDLQGDC/cong-dan/v1").doesNotContain(NationalServices.PAYGOV.path());
        }
        assertThat(json(get("/api/v1/lgsp/services?provider=VPCP"), 200).valueStream().map(s -> s.get("providerCode").asString()))
                .isNotEmpty().containsOnly("VPCP");
        assertThat(json(get("/api/v1/lgsp/services?protocol=SOAP&q=cong%20dan"), 200).isEmpty()).isTrue();
        HttpResponse<String> badProtocol = get("/api/v1/lgsp/services?protocol=FTP");
        assertThat(json(badProtocol, 400).get("errors").get(0).get("field").asString()).isEqualTo("protocol");
        assertThat(badProtocol.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        // the description: the operations table and the raw document
        String id = population.get("id").asString();
        JsonNode detail = json(get("/api/v1/lgsp/services/" + id), 200);
        assertThat(detail.get("operations").valueStream().map(o -> o.get("method").asString() + " " + o.get("path").asString()))
                .contains("GET /api/citizens/{personalId}");
        HttpResponse<String> document = get(population.get("descriptionUrl").asString());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.oai.openapi");
        assertThat(document.body()).contains("openapi: 3.0.3").contains("/api/citizens/{personalId}");
    }

    @Test
    void thePlatformsOwnCatalogIsAServiceAtThisPlatformsAddress(@Autowired ServiceRegistry registry) {
        ProviderService catalog = registry.service(PlatformServices.CATALOG).orElseThrow();
        assertThat(catalog.state()).isEqualTo(ServiceState.PUBLISHED);
        assertThat(catalog.endpoint().toString()).isEqualTo("http://localhost:" + port + "/api/v1/catalogs");
        assertThat(registry.service(NationalServices.POPULATION).orElseThrow().endpoint().toString())
                .isEqualTo("http://127.0.0.1:" + simulatorPort() + "/population");
    }

    @Test
    void operatorsRegisterAndRefusalsNameTheFieldAndRule() throws Exception {
        json(post(OPERATOR, "/api/v1/lgsp/registry/members", Map.of("code", "TP-" + suffix, "name", "Sở Tư pháp (thử)",
                "kind", "PROVINCIAL_AGENCY", "agencyCode", "SO-TP")), 201);
        json(post(OPERATOR, "/api/v1/lgsp/registry/subsystems", Map.of("member", "TP-" + suffix, "code", "HO-TICH", "name", "Hộ tịch")), 201);
        Map<String, Object> service = new java.util.HashMap<>(Map.of("provider", "TP-" + suffix, "subsystem", "HO-TICH", "code", "ho-tich",
                "version", "v1", "protocol", "SOAP", "name", "Tra cứu hộ tịch", "endpoint", "http://ho-tich.internal:8080/ws", "document", WSDL));

        // the endpoint: absolute http(s), no user-info, no fragment
        for (String bad : List.of("ftp://ho-tich/ws", "ho-tich/ws", "http://u:p@ho-tich/ws", "http://ho-tich/ws#x")) {
            Map<String, Object> body = new java.util.HashMap<>(service);
            body.put("endpoint", bad);
            JsonNode problem = json(post(OPERATOR, "/api/v1/lgsp/registry/services", body), 400);
            assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).as(bad).containsExactly("endpoint");
        }
        // the description: WSDL must be well-formed, without DOCTYPE, with a definitions root; OpenAPI must be 3.x
        for (String[] bad : List.of(new String[] {"SOAP", "<definitions", "wsdl-xml"},
                new String[] {"SOAP", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">&e;</definitions>", "wsdl-xml"},
                new String[] {"SOAP", "<service xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/>", "wsdl-root"},
                new String[] {"REST", "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}", "openapi-version"},
                new String[] {"REST", "{\"openapi\": \"3.0.0\", \"paths\": {}}", "openapi-info"},
                new String[] {"REST", "openapi: [unclosed", "openapi-syntax"})) {
            Map<String, Object> body = new java.util.HashMap<>(service);
            body.put("protocol", bad[0]);
            body.put("document", bad[1]);
            JsonNode problem = json(post(OPERATOR, "/api/v1/lgsp/registry/services", body), 400);
            assertThat(problem.get("errors").get(0).get("field").asString()).as(bad[1]).isEqualTo("document");
            assertThat(problem.get("errors").get(0).get("rule").asString()).as(bad[1]).isEqualTo(bad[2]);
        }
        JsonNode created = json(post(OPERATOR, "/api/v1/lgsp/registry/services", service), 201);
        assertThat(created.get("state").asString()).isEqualTo("DRAFT");
        json(post(OPERATOR, "/api/v1/lgsp/registry/services", service), 409);
        // a new version is a new row
        service.put("version", "v2");
        json(post(OPERATOR, "/api/v1/lgsp/registry/services", service), 201);

        // only operators register services; the province administrator reads
        assertThat(post(TP_ADMIN, "/api/v1/lgsp/registry/services", service).statusCode()).isEqualTo(403);
        assertThat(post(ADMIN, "/api/v1/lgsp/registry/members", Map.of("code", "X-" + suffix, "name", "X", "kind", "OTHER")).statusCode()).isEqualTo(403);
        assertThat(asAdmin("GET", "/api/v1/lgsp/registry/services", null, null).statusCode()).isEqualTo(200);
        assertThat(as(TP_ADMIN, "GET", "/api/v1/lgsp/registry/services", null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void theLifecycleMovesForwardOnlyWithAReasonAndIsAuditedWithItsHistory() throws Exception {
        json(post(OPERATOR, "/api/v1/lgsp/registry/members", Map.of("code", "LC-" + suffix, "name", "Thành viên vòng đời", "kind", "OTHER")), 201);
        json(post(OPERATOR, "/api/v1/lgsp/registry/subsystems", Map.of("member", "LC-" + suffix, "code", "HT", "name", "Hệ thống")), 201);
        String id = json(post(OPERATOR, "/api/v1/lgsp/registry/services", Map.of("provider", "LC-" + suffix, "subsystem", "HT", "code", "dv",
                "version", "v1", "protocol", "REST", "name", "Dịch vụ vòng đời", "endpoint", "https://dv.internal/api")), 201).get("id").asString();
        String state = "/api/v1/lgsp/registry/services/" + id + "/state";

        assertThat(json(post(OPERATOR, state, Map.of("state", "TESTING")), 400).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        json(post(OPERATOR, state, Map.of("state", "TESTING", "reason", "Thử nghiệm với Sở Tư pháp")), 200);
        json(post(OPERATOR, state, Map.of("state", "DRAFT", "reason", "Sửa mô tả")), 200);
        json(post(OPERATOR, state, Map.of("state", "TESTING", "reason", "Thử lại")), 200);
        // publishing needs a description document
        JsonNode noDocument = json(post(OPERATOR, state, Map.of("state", "PUBLISHED", "reason", "Công bố")), 400);
        assertThat(noDocument.get("errors").get(0).get("field").asString()).isEqualTo("document");
        assertThat(post(TP_ADMIN, state, Map.of("state", "DRAFT", "reason", "Không phải người vận hành")).statusCode()).isEqualTo(403);
        json(post(OPERATOR, state, Map.of("state", "DEPRECATED", "reason", "Thay bằng v2")), 200);
        JsonNode backwards = json(post(OPERATOR, state, Map.of("state", "TESTING", "reason", "Quay lại")), 400);
        assertThat(backwards.get("errors").get(0).get("rule").asString()).isEqualTo("transition");
        json(post(OPERATOR, state, Map.of("state", "RETIRED", "reason", "Hết hạn")), 200);

        JsonNode history = json(as(OPERATOR, "GET", "/api/v1/lgsp/registry/services/" + id + "/history", null, null), 200);
        assertThat(history.valueStream().map(h -> h.get("to").asString()))
                .containsExactly("RETIRED", "DEPRECATED", "TESTING", "DRAFT", "TESTING", "DRAFT");
        assertThat(history.get(0).get("by").asString()).isEqualTo(OPERATOR);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Hết hạn");
        long audited = jdbc.sql("SELECT count(*) FROM (SELECT action, object_id, actor_id FROM audit_pending UNION ALL"
                        + " SELECT action, object_id, actor_id FROM audit_entry) a WHERE action = 'LGSP_SERVICE_STATE_CHANGED'"
                        + " AND object_id = :path AND actor_id = :actor")
                .param("path", "LC-" + suffix + "/HT/dv/v1").param("actor", OPERATOR).query(Long.class).single();
        assertThat(audited).isEqualTo(5);

        // a retired service takes no new access requests
        json(post(OPERATOR, "/api/v1/lgsp/registry/subsystems", Map.of("member", "LC-" + suffix, "code", "KT", "name", "Khai thác")), 201);
        String consumer = json(as(OPERATOR, "GET", "/api/v1/lgsp/registry/subsystems", null, null), 200).valueStream()
                .filter(s -> s.get("member").asString().equals("LC-" + suffix) && s.get("code").asString().equals("KT"))
                .findFirst().orElseThrow().get("id").asString();
        JsonNode retired = json(post(OPERATOR, "/api/v1/lgsp/registry/access-requests", Map.of("consumerId", consumer, "serviceId", id,
                "operations", List.of("*"), "purpose", "Thử")), 400);
        assertThat(retired.get("errors").get(0).get("rule").asString()).isEqualTo("retired");
    }

    @Test
    void theProviderAgencyDecidesAccessRequestsAndNoOneElse(@Autowired ServiceRegistry registry) throws Exception {
        // provider: a service of the Department of Justice; consumer: a system of the Department of Construction
        json(post(OPERATOR, "/api/v1/lgsp/registry/members", Map.of("code", "STP-" + suffix, "name", "Sở Tư pháp (thử)",
                "kind", "PROVINCIAL_AGENCY", "agencyCode", "SO-TP")), 201);
        json(post(OPERATOR, "/api/v1/lgsp/registry/subsystems", Map.of("member", "STP-" + suffix, "code", "HO-TICH", "name", "Hộ tịch")), 201);
        String serviceId = json(post(OPERATOR, "/api/v1/lgsp/registry/services", Map.of("provider", "STP-" + suffix, "subsystem", "HO-TICH",
                "code", "ho-tich", "version", "v1", "protocol", "SOAP", "name", "Tra cứu hộ tịch", "endpoint", "http://ho-tich.internal/ws",
                "document", WSDL)), 201).get("id").asString();
        json(post(OPERATOR, "/api/v1/lgsp/registry/services/" + serviceId + "/state", Map.of("state", "PUBLISHED", "reason", "Công bố")), 200);
        json(post(OPERATOR, "/api/v1/lgsp/registry/members", Map.of("code", "SXD-" + suffix, "name", "Sở Xây dựng (thử)",
                "kind", "PROVINCIAL_AGENCY", "agencyCode", "SO-XD")), 201);

        // the consumer's agency administrator registers its system with an SSO client and asks for one operation
        String clientId = clients.clientCredentials("lgsp-api-" + suffix);
        JsonNode system = json(post(XD_ADMIN, "/api/v1/lgsp/registry/subsystems", Map.of("member", "SXD-" + suffix, "code", "CAP-PHEP",
                "name", "Cấp phép xây dựng", "clientId", clientId)), 201);
        assertThat(post(XD_ADMIN, "/api/v1/lgsp/registry/subsystems", Map.of("member", "STP-" + suffix, "code", "KHAC", "name", "Không phải của mình"))
                .statusCode()).isEqualTo(403);
        JsonNode unknownClient = json(post(XD_ADMIN, "/api/v1/lgsp/registry/subsystems", Map.of("member", "SXD-" + suffix, "code", "KHAC",
                "name", "Khác", "clientId", "khong-co-" + suffix)), 400);
        assertThat(unknownClient.get("errors").get(0).get("field").asString()).isEqualTo("clientId");
        JsonNode badOperation = json(post(XD_ADMIN, "/api/v1/lgsp/registry/access-requests", Map.of("consumerId", system.get("id").asString(),
                "serviceId", serviceId, "operations", List.of("GET /x"), "purpose", "Kiểm tra")), 400);
        assertThat(badOperation.get("errors").get(0).get("rule").asString()).isEqualTo("soap-operation");
        JsonNode request = json(post(XD_ADMIN, "/api/v1/lgsp/registry/access-requests", Map.of("consumerId", system.get("id").asString(),
                "serviceId", serviceId, "operations", List.of("TraCuuKhaiSinh"), "purpose", "Kiểm tra nhân thân chủ đầu tư")), 201);
        String requestId = request.get("id").asString();
        assertThat(request.get("state").asString()).isEqualTo("PENDING");

        // the provider's agency administrator sees it; only they (or an operator) decide
        assertThat(json(as(TP_ADMIN, "GET", "/api/v1/lgsp/registry/access-requests?state=PENDING", null, null), 200).valueStream()
                .map(r -> r.get("id").asString())).contains(requestId);
        assertThat(post(XD_ADMIN, "/api/v1/lgsp/registry/access-requests/" + requestId + "/approval", Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(ADMIN, "/api/v1/lgsp/registry/access-requests/" + requestId + "/approval", Map.of()).statusCode()).isEqualTo(403);
        ConsumerSystem consumer = registry.consumerByClientId(clientId).orElseThrow();
        ProviderService provider = registry.service(new ServiceAddress("STP-" + suffix, "HO-TICH", "ho-tich", "v1")).orElseThrow();
        assertThat(registry.mayCall(consumer, provider, "POST", "TraCuuKhaiSinh")).isFalse();
        assertThat(json(post(TP_ADMIN, "/api/v1/lgsp/registry/access-requests/" + requestId + "/approval", Map.of("note", "Đồng ý")), 200)
                .get("state").asString()).isEqualTo("APPROVED");
        assertThat(registry.mayCall(consumer, provider, "POST", "TraCuuKhaiSinh")).isTrue();
        assertThat(registry.mayCall(consumer, provider, "POST", "TraCuuKetHon")).isFalse();
        json(post(TP_ADMIN, "/api/v1/lgsp/registry/access-requests/" + requestId + "/approval", Map.of()), 409);

        // a refusal needs a reason; the provider revokes a right
        String second = json(post(XD_ADMIN, "/api/v1/lgsp/registry/access-requests", Map.of("consumerId", system.get("id").asString(),
                "serviceId", serviceId, "operations", List.of("*"), "purpose", "Toàn bộ")), 201).get("id").asString();
        json(post(TP_ADMIN, "/api/v1/lgsp/registry/access-requests/" + second + "/refusal", Map.of()), 400);
        assertThat(json(post(TP_ADMIN, "/api/v1/lgsp/registry/access-requests/" + second + "/refusal",
                Map.of("reason", "Chỉ cấp thao tác cần thiết")), 200).get("state").asString()).isEqualTo("REFUSED");
        String rightId = json(as(XD_ADMIN, "GET", "/api/v1/lgsp/registry/rights?consumer=" + system.get("id").asString(), null, null), 200)
                .get(0).get("id").asString();
        assertThat(post(XD_ADMIN, "/api/v1/lgsp/registry/rights/" + rightId + "/revocation", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        json(post(TP_ADMIN, "/api/v1/lgsp/registry/rights/" + rightId + "/revocation", Map.of("reason", "Hết nhu cầu")), 200);
        assertThat(registry.mayCall(consumer, provider, "POST", "TraCuuKhaiSinh")).isFalse();

        // a national service: only an operator decides
        String population = registry.service(NationalServices.POPULATION).orElseThrow().id().toString();
        String national = json(post(XD_ADMIN, "/api/v1/lgsp/registry/access-requests", Map.of("consumerId", system.get("id").asString(),
                "serviceId", population, "operations", List.of("GET /api/citizens/*"), "purpose", "Xác minh chủ đầu tư")), 201).get("id").asString();
        assertThat(post(TP_ADMIN, "/api/v1/lgsp/registry/access-requests/" + national + "/approval", Map.of()).statusCode()).isEqualTo(403);
        json(post(OPERATOR, "/api/v1/lgsp/registry/access-requests/" + national + "/approval", Map.of()), 200);
        assertThat(registry.mayCall(consumer, registry.service(NationalServices.POPULATION).orElseThrow(), "GET", "/api/citizens/012345678901")).isTrue();
    }
}
