package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;

/** The auditor's page, as a browser sees it; and the form logins and logouts it records. */
class AuditPageTest extends PlatformTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    AuditStore store;
    @Autowired
    ChainSealer sealer;

    @Test
    void theAuditorSearchesAndVerifiesOnAnAccessibleVietnamesePage() throws Exception {
        Browser auditor = new Browser();
        auditor.logIn(AUDITOR);
        sealer.sealPending();

        HttpResponse<String> page = auditor.get("/admin/audit?action=LOGIN&actor=" + AUDITOR);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Nhật ký hệ thống</h1>")
                .contains("<caption>Nhật ký hệ thống, mới nhất trước:")
                .contains("<th scope=\"col\">Người thực hiện</th>")
                .contains("<label for=\"actor\">Người thực hiện (tài khoản)</label>")
                .contains("<label for=\"outcome\">Kết quả</label>")
                .contains("<td>Thành công</td>")
                .contains("method=form")
                .contains("href=\"/admin/audit\">Nhật ký hệ thống</a>");

        HttpResponse<String> verified = auditor.post("/admin/audit/verify", "/admin/audit", Map.of());
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(auditor.get("/admin/audit").body()).contains("Chuỗi nhật ký toàn vẹn: đã kiểm tra");
    }

    @Test
    void aBadFilterIsExplainedOnThePage() throws Exception {
        Browser auditor = new Browser();
        auditor.logIn(AUDITOR);

        HttpResponse<String> page = auditor.get("/admin/audit?from=hôm-qua".replace("ô", "%C3%B4"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Chưa tìm được, vui lòng sửa điều kiện tìm kiếm").contains("Tham số &#39;from&#39;");
    }

    @Test
    void theProvinceAdministratorMayNotReadTheAuditTrail() throws Exception {
        Browser administrator = new Browser();
        administrator.logIn(ADMIN);

        assertThat(administrator.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(administrator.get("/admin/calendar").statusCode()).isEqualTo(200);
        assertThat(get("/admin/audit").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormLoginAndLogoutAreRecordedWithTheBrowsersAddress() throws Exception {
        Browser administrator = new Browser();
        administrator.logIn(ADMIN);
        HttpResponse<String> loggedOut = administrator.post("/logout", "/", Map.of());
        assertThat(loggedOut.statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            AuditStore.Found logouts = store.search(new AuditQuery(null, null, ADMIN, AuditActions.LOGOUT, null, null,
                    null, 0, 1));
            assertThat(logouts.items()).singleElement().satisfies(e -> {
                assertThat(e.content().sourceIp()).isEqualTo("127.0.0.1");
                assertThat(e.content().actorRoles()).containsExactly("PROVINCE_ADMIN");
            });
        });
        AuditStore.Found logins = store.search(new AuditQuery(null, null, ADMIN, AuditActions.LOGIN, null, null, null, 0, 500));
        assertThat(logins.items()).anySatisfy(e -> assertThat(e.content().details()).containsEntry("method", "form"));
    }
}
