package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The administrators' pages, the first login with a generated password, and changing one's own password. */
class OfficialsPagesTest extends OfficialsTestSupport {

    @Test
    void anOfficialCreatedWithAGeneratedPasswordMustChangeItRightAfterTheSecondFactor() throws Exception {
        HttpResponse<String> created = asAdmin("POST", "/api/v1/identity/officials", "application/json", """
                {"username": "t-first-login", "fullName": "Đinh Thị Hoa", "agencyCode": "SO-TP", "role": "ONE_STOP_OFFICER"}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String generated = read(created).get("generatedPassword").asString();
        assertThat(read(created).at("/official/mustChangePassword").asBoolean()).isTrue();

        Browser browser = new Browser();
        HttpResponse<String> password = browser.post("/login", "/login", pairs("username", "t-first-login", "password", generated));
        assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/totp");
        Matcher secret = Pattern.compile("<code class=\"code\">([A-Z2-7 ]+)</code>").matcher(browser.get("/login/totp").body());
        assertThat(secret.find()).as("the enrolment shows the new secret").isTrue();
        String code = totp(secret.group(1).replace(" ", ""), Instant.now().getEpochSecond() / 30);
        HttpResponse<String> secondFactor = browser.post("/login/totp", "/login/totp", pairs("code", code));
        HttpResponse<String> notYet = browser.get("/account");
        HttpResponse<String> weak = browser.post("/login/password", "/login/password", pairs("newPassword", "hoa12345", "repeated", "hoa12345"));
        HttpResponse<String> chosen = browser.post("/login/password", "/login/password",
                pairs("newPassword", "Hoa#Mot-Cua-Tu-Phap-2026", "repeated", "Hoa#Mot-Cua-Tu-Phap-2026"));
        HttpResponse<String> account = browser.get("/account");

        assertThat(secondFactor.headers().firstValue("Location").orElseThrow()).endsWith("/login/password");
        assertThat(notYet.statusCode()).as("not logged in before the password is changed").isEqualTo(302);
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("field-error").contains("Mật khẩu phải có ít nhất 12 ký tự");
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Đổi mật khẩu").contains("Cán bộ một cửa");
        var stored = accounts.byUsername("t-first-login").orElseThrow();
        assertThat(stored.mustChangePassword()).isFalse();
        assertThat(passwords.matches("Hoa#Mot-Cua-Tu-Phap-2026", stored.passwordHash())).isTrue();
    }

    @Test
    void anAgencyAdministratorManagesTheOfficialsOfTheirAgencyOnThePages() throws Exception {
        String admin = official("t-page-admin", Role.AGENCY_ADMIN, "UBND-05977");
        String officer = official("t-page-officer", Role.ONE_STOP_OFFICER, "UBND-05977");
        String elsewhere = official("t-page-elsewhere", Role.ONE_STOP_OFFICER, "SO-XD");
        Browser browser = new Browser();
        browser.logIn(admin);

        HttpResponse<String> list = browser.get("/admin/officials");
        HttpResponse<String> searched = browser.get("/admin/officials?q=can%20bo%20thu%20t-page-off");
        HttpResponse<String> invalid = browser.post("/admin/officials", "/admin/officials",
                pairs("username", "X", "fullName", "", "agencyCode", "UBND-05977", "passwordChoice", "set", "password", "ngan"));
        HttpResponse<String> created = browser.post("/admin/officials", "/admin/officials",
                pairs("username", "t-page-new", "fullName", "Lý Văn Sơn", "agencyCode", "UBND-05977", "role", "CLERK",
                        "passwordChoice", "generate"));
        HttpResponse<String> reserved = browser.post("/admin/officials/" + officer, "/admin/officials/" + officer + "/positions",
                pairs("role", "AGENCY_ADMIN", "agencyCode", "UBND-05977"));
        HttpResponse<String> granted = browser.post("/admin/officials/" + officer, "/admin/officials/" + officer + "/positions",
                pairs("role", "SPECIALIST", "agencyCode", "UBND-05977"));
        HttpResponse<String> officerPage = browser.get("/admin/officials/" + officer);
        HttpResponse<String> outside = browser.get("/admin/officials/" + elsewhere);
        HttpResponse<String> clients = browser.get("/admin/identity/clients");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(officer).contains(admin).doesNotContain(elsewhere).contains("quản trị cơ quan");
        assertThat(searched.body()).contains(officer).doesNotContain(">" + admin + "<");
        assertThat(invalid.body()).contains("id=\"error-summary\"").contains("href=\"#f-username\"")
                .contains("href=\"#f-fullName\"").contains("href=\"#f-password\"").contains("aria-invalid=\"true\"");
        assertThat(accounts.byUsername("X")).isEmpty();
        assertThat(created.body()).contains("id=\"generated-password\"").contains("Mật khẩu tạm – chỉ hiển thị một lần");
        assertThat(accounts.byUsername("t-page-new").orElseThrow().mustChangePassword()).isTrue();
        assertThat(reserved.statusCode()).isEqualTo(200);
        assertThat(reserved.body()).contains("Quản trị cơ quan chỉ được giao");
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(officerPage.body()).contains("Đã giao chức vụ: Chuyên viên").contains("Thu hồi chức vụ Chuyên viên");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(clients.statusCode()).as("client applications are the province administrator's").isEqualTo(403);
    }

    @Test
    void anAdministratorSetsAnOfficialsMobileOnTheirPageAndSeesItMasked() throws Exception {
        String admin = official("t-page-contact-admin", Role.AGENCY_ADMIN, "UBND-05977");
        String officer = official("t-page-contact", Role.DIVISION_HEAD, "UBND-05977");
        Browser browser = new Browser();
        browser.logIn(admin);
        String page = "/admin/officials/" + officer;

        HttpResponse<String> fixedLine = browser.post(page, page + "/contact", pairs("email", "", "mobile", "(0205) 3812345"));
        HttpResponse<String> saved = browser.post(page, page + "/contact", pairs("email", "truong.phong@ubnd.example", "mobile", "0912 345 678"));
        HttpResponse<String> shown = browser.get(page);

        assertThat(fixedLine.statusCode()).isEqualTo(200);
        assertThat(fixedLine.body()).contains("id=\"c-mobile-error\"").contains("số cố định không nhận được tin nhắn")
                .contains("value=\"(0205) 3812345\"");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(shown.body()).contains("Đã lưu thông tin liên hệ.").contains("<td id=\"contact-mobile\">091****678</td>")
                .contains("<td id=\"contact-email\">truong.phong@ubnd.example</td>");
    }

    @Test
    void aTitleGivenWithAPositionOnThePageIsShownOnTheOfficialTheListAndTheirWorkspace() throws Exception {
        String admin = official("t-page-admin", Role.AGENCY_ADMIN, "UBND-05977");
        String chair = official("t-page-chair", Role.SPECIALIST, "UBND-05977");
        Browser browser = new Browser();
        browser.logIn(admin);

        HttpResponse<String> form = browser.get("/admin/officials/" + chair);
        HttpResponse<String> tooLong = browser.post("/admin/officials/" + chair, "/admin/officials/" + chair + "/positions",
                pairs("role", "AGENCY_LEADER", "agencyCode", "UBND-05977", "title", "C".repeat(101)));
        HttpResponse<String> granted = browser.post("/admin/officials/" + chair, "/admin/officials/" + chair + "/positions",
                pairs("role", "AGENCY_LEADER", "agencyCode", "UBND-05977", "title", "Chủ tịch"));
        HttpResponse<String> page = browser.get("/admin/officials/" + chair);
        HttpResponse<String> list = browser.get("/admin/officials?q=" + chair);
        Browser own = new Browser();
        own.logIn(chair);
        HttpResponse<String> workspace = own.get("/workspace");

        assertThat(form.body()).contains("Chức danh (không bắt buộc)").contains("list=\"g-titles\"")
                .contains("<option value=\"Phó Giám đốc\">").contains("<option value=\"Phó Chủ tịch\">");
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("href=\"#g-title\"").contains("Chức danh tối đa 100 ký tự");
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(page.body()).contains("<td class=\"position-title\">").contains("name=\"title\" type=\"text\" maxlength=\"100\"")
                .contains("value=\"Chủ tịch\"").contains("aria-label=\"Lưu chức danh của chức vụ Lãnh đạo cơ quan tại ");
        assertThat(list.body()).contains("Lãnh đạo cơ quan (Chủ tịch) – ");
        assertThat(workspace.body()).contains("Lãnh đạo cơ quan").contains("(Chủ tịch)");
        assertThat(accounts.positions(accounts.byUsername(chair).orElseThrow().id())).extracting(Position::title)
                .containsExactlyInAnyOrder(null, "Chủ tịch");

        // the title changed in place, on the same page
        long leaderPosition = accounts.heldPositions(accounts.byUsername(chair).orElseThrow().id()).stream()
                .filter(p -> p.position().role() == Role.AGENCY_LEADER).findFirst().orElseThrow().id();
        HttpResponse<String> retitled = browser.post("/admin/officials/" + chair,
                "/admin/officials/" + chair + "/positions/" + leaderPosition + "/title", pairs("title", "Phó Chủ tịch"));
        HttpResponse<String> after = browser.get("/admin/officials/" + chair);
        assertThat(retitled.statusCode()).isEqualTo(302);
        assertThat(after.body()).contains("Đã đổi chức danh").contains("value=\"Phó Chủ tịch\"");
        assertThat(accounts.positions(accounts.byUsername(chair).orElseThrow().id())).extracting(Position::title)
                .containsExactlyInAnyOrder(null, "Phó Chủ tịch");
    }

    @Test
    void theProvinceAdministratorRegistersAnApplicationSeesItsSecretOnceAndRemovesIt() throws Exception {
        Browser browser = new Browser();
        browser.logIn(ADMIN);

        HttpResponse<String> refused = browser.post("/admin/identity/clients", "/admin/identity/clients",
                pairs("name", "", "grantTypes", "authorization_code", "scopes", "openid"));
        HttpResponse<String> registered = browser.post("/admin/identity/clients", "/admin/identity/clients",
                pairs("name", "Hệ thống một cửa điện tử", "grantTypes", "authorization_code", "grantTypes", "refresh_token",
                        "redirectUris", "https://motcua.langson.gov.vn/callback\nhttps://motcua.langson.gov.vn/cb2",
                        "scopes", "openid", "scopes", "profile"));
        Matcher clientId = Pattern.compile("id=\"client-id\">([^<]+)<").matcher(registered.body());
        assertThat(clientId.find()).as(registered.body()).isTrue();
        HttpResponse<String> listed = browser.get("/admin/identity/clients");
        HttpResponse<String> confirm = browser.get("/admin/identity/clients/" + clientId.group(1) + "/remove");
        HttpResponse<String> removed = browser.post("/admin/identity/clients/" + clientId.group(1) + "/remove",
                "/admin/identity/clients/" + clientId.group(1) + "/remove", pairs());
        HttpResponse<String> afterRemoval = browser.get("/admin/identity/clients");
        HttpResponse<String> rotated = browser.post("/admin/identity/clients", "/admin/identity/signing-keys/rotate", pairs());
        HttpResponse<String> afterRotation = browser.get("/admin/identity/clients");

        assertThat(refused.body()).contains("href=\"#f-name\"").contains("href=\"#f-redirectUris\"");
        assertThat(registered.body()).contains("id=\"client-secret\"").contains("sẽ không bao giờ hiển thị lại");
        assertThat(listed.body()).contains(clientId.group(1)).contains("https://motcua.langson.gov.vn/cb2")
                .doesNotContain("id=\"client-secret\"");
        assertThat(confirm.body()).contains("Không hoàn tác được");
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(afterRemoval.body()).contains("Đã xóa ứng dụng " + clientId.group(1)).doesNotContain("<td class=\"code\">" + clientId.group(1));
        assertThat(rotated.statusCode()).isEqualTo(302);
        assertThat(afterRotation.body()).contains("Đã xoay khóa ký");
    }

    @Test
    void anOfficialChangesTheirPasswordWithTheCurrentOneAndSeesItInTheirHistory() throws Exception {
        String official = official("t-self-service", Role.CLERK, "SO-XD");
        Browser browser = session(official);
        String current = password(official);
        String chosen = "Van-Thu#So-Xay-Dung-" + System.nanoTime() % 100_000;

        HttpResponse<String> wrong = browser.post("/account/password", "/account/password",
                pairs("current", "sai-mat-khau", "newPassword", chosen, "repeated", chosen));
        HttpResponse<String> mismatch = browser.post("/account/password", "/account/password",
                pairs("current", current, "newPassword", chosen, "repeated", chosen + "x"));
        HttpResponse<String> changed = browser.post("/account/password", "/account/password",
                pairs("current", current, "newPassword", chosen, "repeated", chosen));
        passwordChanged(official, chosen);
        HttpResponse<String> account = browser.get("/account");

        assertThat(wrong.body()).contains("Mật khẩu hiện tại không đúng");
        assertThat(mismatch.body()).contains("Hai lần nhập mật khẩu mới không giống nhau");
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(account.body()).contains("Đã đổi mật khẩu.");
        assertThat(passwords.matches(chosen, accounts.byUsername(official).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void confirmingTheIdentityAsksForThePasswordAndACodeOfTheSameOfficial() throws Exception {
        String official = official("t-self-service", Role.CLERK, "SO-XD");
        Browser browser = session(official);
        int failuresBefore = accounts.byUsername(official).orElseThrow().failedAttempts();

        HttpResponse<String> page = browser.get("/login/confirm");
        HttpResponse<String> wrong = browser.post("/login/confirm", "/login/confirm",
                pairs("password", password(official), "code", "000000"));
        HttpResponse<String> confirmed = browser.post("/login/confirm", "/login/confirm",
                pairs("password", password(official), "code", code(official)));
        HttpResponse<String> anonymous = new Browser().get("/login/confirm");

        assertThat(page.body()).contains(official).contains("id=\"code\"");
        assertThat(wrong.body()).contains("Mật khẩu hoặc mã xác thực không đúng");
        assertThat(accounts.byUsername(official).orElseThrow().failedAttempts()).as("a wrong code counts towards the lock-out")
                .isGreaterThan(failuresBefore);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(browser.get("/account").body()).contains("Xác nhận lại danh tính");
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }
}
