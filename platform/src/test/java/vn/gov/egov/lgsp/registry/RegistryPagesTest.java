package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/** The developers' catalog is public and renders descriptions; the operator pages act and explain refusals. */
class RegistryPagesTest extends PlatformTest {

    @Autowired
    TestOfficials officials;
    @Autowired
    ServiceRegistry registry;
    @Autowired
    ServiceCatalogAdministration administration;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeEach
    void officials() {
        knowOfficial(officials.ensure(RegistryApiTest.OPERATOR, "Van-Hanh#LGSP-2025", "Nông Văn Vận Hành",
                new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        knowOfficial(officials.ensure("lgsp-test-clerk", "Van-Thu#So-Tu-Phap-2025", "Vi Văn Thư", new Position(Role.CLERK, "SO-TP", null)));
    }

    @Test
    void anyoneSearchesTheCatalogWithoutDiacriticsAndReadsAServicesOperations() throws Exception {
        HttpResponse<String> search = get("/lgsp/catalog?q=dan%20cu");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Tra cứu, xác minh thông tin công dân").contains("BCA/CSDLQGDC/cong-dan/v1")
                .doesNotContain("Tra cứu doanh nghiệp theo mã số thuế").doesNotContain("127.0.0.1");
        assertThat(get("/lgsp/catalog?provider=VNPOST").body()).contains("Nhận hồ sơ và trả kết quả qua bưu chính")
                .doesNotContain("Tra cứu, xác minh thông tin công dân");

        UUID id = registry.service(NationalServices.POPULATION).orElseThrow().id();
        HttpResponse<String> page = get("/lgsp/catalog/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1").contains("/api/citizens/{personalId}")
                .contains("personalId (path) *").contains("/api/v1/lgsp/services/" + id + "/description")
                .contains("grant_type=client_credentials").doesNotContain("127.0.0.1:" + simulatorPort());
        assertThat(get("/lgsp/catalog/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/lgsp/catalog/khong-phai-ma").statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorRegistersAndPublishesThroughThePagesAndOthersAreKeptOut() throws Exception {
        Browser operator = new Browser();
        operator.logIn(RegistryApiTest.OPERATOR);
        assertThat(operator.get("/lgsp/admin/registry").body()).contains("BCA").contains("Bộ Công an");

        HttpResponse<String> member = operator.post("/lgsp/admin/registry/members", "/lgsp/admin/registry",
                Map.of("code", "PG-" + suffix, "name", "Thành viên thử trang", "kind", "OTHER", "agencyCode", ""));
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(operator.get("/lgsp/admin/registry").body()).contains("Đã đăng ký thành viên PG-" + suffix);
        operator.post("/lgsp/admin/registry/subsystems", "/lgsp/admin/registry",
                Map.of("member", "PG-" + suffix, "code", "HT", "name", "Hệ thống trang", "clientId", ""));

        // a refused service: the page names the field and keeps what was typed
        operator.post("/lgsp/admin/registry/services", "/lgsp/admin/registry/services", Map.of("system", "PG-" + suffix + "/HT",
                "code", "dv", "version", "v1", "protocol", "REST", "name", "Dịch vụ trang", "endpoint", "ftp://sai/dia-chi"));
        String refused = operator.get("/lgsp/admin/registry/services").body();
        assertThat(refused).contains("Chưa ghi được").contains("endpoint phải dùng giao thức http hoặc https").contains("ftp://sai/dia-chi");

        operator.post("/lgsp/admin/registry/services", "/lgsp/admin/registry/services", Map.of("system", "PG-" + suffix + "/HT",
                "code", "dv", "version", "v1", "protocol", "REST", "name", "Dịch vụ trang", "endpoint", "http://dv.internal/api",
                "document", "openapi: 3.1.0\ninfo: {title: Dịch vụ trang, version: '1'}\npaths:\n  /ho-so/{ma}:\n    get: {summary: Một hồ sơ}\n"));
        UUID id = registry.service(new ServiceAddress("PG-" + suffix, "HT", "dv", "v1")).orElseThrow().id();
        String detail = operator.get("/lgsp/admin/registry/services/" + id).body();
        assertThat(detail).contains("http://dv.internal/api").contains("GET /ho-so/{ma}").contains("Thử nghiệm");
        operator.post("/lgsp/admin/registry/services/" + id, "/lgsp/admin/registry/services/" + id, Map.of("name", "Dịch vụ trang (sửa)",
                "securityLevel", "PUBLIC", "endpoint", "http://dv.internal/api/v2", "timeoutMillis", "5000", "ratePerSecond", "20",
                "burst", "40", "maxRequestBytes", "65536",
                "document", "openapi: 3.1.0\ninfo: {title: Dịch vụ trang, version: '2'}\npaths:\n  /ho-so/{ma}:\n    get: {summary: Một hồ sơ}\n"));
        assertThat(operator.get("/lgsp/admin/registry/services/" + id).body()).contains("Đã lưu thông tin dịch vụ")
                .contains("http://dv.internal/api/v2").contains("Dịch vụ trang (sửa)");
        assertThat(registry.service(new ServiceAddress("PG-" + suffix, "HT", "dv", "v1")).orElseThrow().timeout())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        operator.post("/lgsp/admin/registry/services/" + id + "/state", "/lgsp/admin/registry/services/" + id,
                Map.of("state", "PUBLISHED", "reason", "Công bố qua trang"));
        assertThat(registry.service(new ServiceAddress("PG-" + suffix, "HT", "dv", "v1")).orElseThrow().state()).isEqualTo(ServiceState.PUBLISHED);
        assertThat(operator.get("/lgsp/admin/registry/services/" + id).body()).contains("Công bố qua trang").contains(RegistryApiTest.OPERATOR);
        assertThat(operator.get("/lgsp/admin/registry/access").statusCode()).isEqualTo(200);

        Browser clerk = new Browser();
        clerk.logIn("lgsp-test-clerk");
        assertThat(clerk.get("/lgsp/admin/registry").statusCode()).isEqualTo(403);
        assertThat(get("/lgsp/admin/registry/services").statusCode()).isIn(302, 401);
    }

    @Test
    void anOperatorRegistersAndRemovesASystemsClientCertificateOnTheMembersPage() throws Exception {
        Browser operator = new Browser();
        operator.logIn(RegistryApiTest.OPERATOR);
        administration.registerMember("CT-" + suffix, "Thành viên thử chứng thư", MemberKind.OTHER, null);
        RegistrySubsystem system = administration.registerSubsystem("CT-" + suffix, "HT", "Hệ thống có chứng thư", null);
        vn.gov.egov.lgsp.gateway.TestCertificates ca = new vn.gov.egov.lgsp.gateway.TestCertificates("CA trang " + suffix);
        vn.gov.egov.lgsp.gateway.TestCertificates.Issued issued = ca.client("trang-" + suffix);

        // refused: a private key pasted with it; the page names the field and keeps what was typed
        operator.post("/lgsp/admin/registry/certificates", "/lgsp/admin/registry",
                Map.of("system", system.id().toString(), "certificate", issued.certificatePem() + issued.privateKeyPem()));
        String refused = operator.get("/lgsp/admin/registry").body();
        assertThat(refused).contains("Chưa ghi được").contains("Không gửi khóa bí mật").doesNotContain("BEGIN PRIVATE KEY");
        assertThat(administration.clientCertificates(system.id())).isEmpty();

        operator.post("/lgsp/admin/registry/certificates", "/lgsp/admin/registry",
                Map.of("system", system.id().toString(), "certificate", issued.certificatePem()));
        String page = operator.get("/lgsp/admin/registry").body();
        String thumbprint = vn.gov.egov.lgsp.registry.ClientCertificate.thumbprintOf(issued.certificate());
        assertThat(page).contains("Đã đăng ký chứng thư số").contains(thumbprint).contains("CN=trang-" + suffix);
        assertThat(administration.clientCertificates(system.id())).singleElement()
                .satisfies(c -> assertThat(c.thumbprint()).isEqualTo(thumbprint));
        assertThat(registry.clientCertificates(registry.system("CT-" + suffix, "HT").orElseThrow()))
                .as("the gateway's registry knows at once").hasSize(1);

        UUID id = administration.clientCertificates(system.id()).get(0).id();
        operator.post("/lgsp/admin/registry/certificates/" + id + "/removal", "/lgsp/admin/registry",
                Map.of("reason", "Thay chứng thư mới"));
        assertThat(operator.get("/lgsp/admin/registry").body()).contains("Đã gỡ chứng thư số");
        assertThat(administration.clientCertificates(system.id())).isEmpty();
        assertThat(registry.clientCertificates(registry.system("CT-" + suffix, "HT").orElseThrow())).isEmpty();
    }
}
