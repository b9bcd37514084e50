package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;

/** An official logs in with the one-time code and sees their own agency's workspace, and nothing of others'. */
class OfficialWorkspaceTest extends PlatformTest {

    @Autowired
    OfficialAccounts accounts;

    @Autowired
    TestOfficials officials;

    @Test
    void aJusticeDepartmentOfficerSeesTheirAgencyAndNoAdministration() throws Exception {
        String username = "mot-cua-stp";
        String password = "Mot-Cua#Tu-Phap-2025";
        knowOfficial(officials.ensure(username, password, "Nguyễn Thị Một Cửa", new Position(Role.ONE_STOP_OFFICER, "SO-TP", null)));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> password1 = postForm(browser, "/login", Map.of("username", username, "password", password));
        HttpResponse<String> withoutCode = browser.send(HttpRequest.newBuilder(uri("/workspace")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> code = postForm(browser, "/login/totp", Map.of("code", nextTotpCode(username)));
        HttpResponse<String> workspace = browser.send(HttpRequest.newBuilder(uri("/workspace")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> catalogsAdmin = browser.send(HttpRequest.newBuilder(uri("/admin/catalogs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(password1.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/totp"));
        assertThat(withoutCode.statusCode()).as("a password alone opens nothing").isEqualTo(302);
        assertThat(code.headers().firstValue("Location")).as("back to the page asked for").hasValueSatisfying(l -> assertThat(l).contains("/workspace"));
        assertThat(workspace.statusCode()).isEqualTo(200);
        assertThat(workspace.body()).contains("Cán bộ một cửa").contains("Sở Tư pháp")
                .doesNotContain("Sở Xây dựng").doesNotContain("/admin/catalogs").doesNotContain("/admin/audit");
        assertThat(catalogsAdmin.statusCode()).isEqualTo(403);
    }

    @Test
    void theProvinceAdministratorFindsEveryAdministrationPageOnTheWorkspace() throws Exception {
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        String workspace = admin.get("/workspace").body();
        assertThat(workspace).contains("/admin/catalogs", "/admin/calendar", "/admin/forms", "/admin/notifications", "/admin/national-portal")
                .contains("Biểu mẫu điện tử", "Thông báo gửi người nộp hồ sơ").doesNotContain("??");
    }

    @Test
    void fiveWrongCodesLockTheAccountAndTheAnswerNeverSaysWhy() throws Exception {
        String username = "khoa-thu";
        String password = "Khoa-Thu#Tai-Khoan-2025";
        knowOfficial(officials.ensure(username, password, "Tài khoản thử khóa", new Position(Role.SPECIALIST, "SO-XD", null)));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        postForm(browser, "/login", Map.of("username", username, "password", password));
        for (int attempt = 0; attempt < OfficialLogin.MAX_FAILURES; attempt++) {
            HttpResponse<String> wrong = postForm(browser, "/login/totp", Map.of("code", "000000"));
            assertThat(wrong.statusCode()).isEqualTo(200);
        }

        HttpResponse<String> rightPasswordWhileLocked = postForm(browser, "/login", Map.of("username", username, "password", password));
        HttpResponse<String> unknownUser = postForm(browser, "/login", Map.of("username", "khong-ton-tai", "password", password));

        assertThat(rightPasswordWhileLocked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(unknownUser.headers().firstValue("Location")).isEqualTo(rightPasswordWhileLocked.headers().firstValue("Location"));
        assertThat(accounts.byUsername(username).orElseThrow().lockedUntil()).isNotNull();
    }
}
