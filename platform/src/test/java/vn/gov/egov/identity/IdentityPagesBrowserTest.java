package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.gov.egov.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Chromium walks the identity pages of a new administrator, from the first login on, and axe-core checks WCAG 2.1 AA. */
class IdentityPagesBrowserTest extends OfficialsTestSupport {

    private static final String NEW_PASSWORD = "Quan-Tri#Thu-Giao-Dien-2026";
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws Exception {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theIdentityPagesMeetWcag21AAFromTheFirstLoginOn() throws Exception {
        accessToken(ADMIN); // registers the "platform-tests" client whose removal page is checked below
        String username = "t-axe-admin";
        var id = accounts.create(username, "Quản trị thử giao diện", null, passwords.encode(PASSWORD),
                login.sealTotpSecret(username, SECRET), "test", "UBND-20", true);
        accounts.grant(id, new Position(Role.PROVINCE_ADMIN, "UBND-20", null), "test");
        official("t-axe-officer", Role.SPECIALIST, "SO-TP");

        browser.get(uri("/login?lang=vi").toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/login/totp"));
        assertThat(browser.findElement(By.id("enrol-heading")).isDisplayed()).isTrue();
        known(username, PASSWORD, SECRET);
        browser.findElement(By.id("code")).sendKeys(code(username));
        browser.findElement(By.id("code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/login/password"));
        assertAccessible("/login/password");
        browser.findElement(By.id("newPassword")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("repeated")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("repeated")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        passwordChanged(username, NEW_PASSWORD);

        for (String page : List.of("/admin/officials", "/admin/officials?q=axe&agency=SO-TP", "/admin/officials/t-axe-officer",
                "/admin/identity/clients", "/admin/identity/clients/platform-tests/remove", "/account", "/account/password",
                "/login/confirm")) {
            browser.get(uri(page).toString());
            assertThat(browser.getTitle()).as(page).doesNotContain("Không tìm thấy").doesNotContain("Không có quyền").doesNotContain("Lỗi");
            assertAccessible(page);
        }

        browser.get(uri("/admin/officials").toString());
        browser.findElement(By.id("f-username")).sendKeys("?");
        browser.findElement(By.id("f-username")).submit();
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Tên đăng nhập gồm");
        assertAccessible("/admin/officials (refused)");

        browser.findElement(By.id("f-username")).clear();
        browser.findElement(By.id("f-username")).sendKeys("t-axe-created");
        browser.findElement(By.id("f-fullName")).sendKeys("Nông Thị Xuân");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-agencyCode"))).selectByValue("SO-TP");
        browser.findElement(By.id("f-username")).submit();
        assertThat(browser.findElement(By.id("generated-password")).getText()).hasSizeGreaterThanOrEqualTo(16);
        assertAccessible("/admin/officials/t-axe-created (just created)");

        browser.get(uri("/admin/identity/clients").toString());
        browser.findElement(By.id("f-name")).submit();
        assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
        assertAccessible("/admin/identity/clients (refused)");
    }

    private void assertAccessible(String page) {
        Chromium.assertAccessible(browser, page);
    }
}
