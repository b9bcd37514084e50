package vn.gov.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.personaldata.PersonalDataProtection;

/** The administrator's list of notifications in a phone-sized Chromium, with rows of every status: WCAG 2.1 AA. */
class NotificationPagesBrowserTest extends PlatformTest {

    private static WebDriver browser;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataProtection protection;

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
    void theAdministratorFiltersTheNotificationsAndThePageMeetsWcag21AA() throws Exception {
        String code = "000.00.10.H20-261127-8" + String.format("%03d", (int) (Math.random() * 1000));
        row(code, "EMAIL", "SENT", "ng***@vneid-mophong.example", null);
        row(code, "SMS", "FAILED", "091****001", "Cổng SMS từ chối số điện thoại hoặc nội dung tin nhắn (mã 400, trường to).");
        officialsRow(code, "overdue-step:" + UUID.randomUUID());

        browser.get(uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/login/totp"));
        browser.findElement(By.id("code")).sendKeys(nextTotpCode(ADMIN));
        browser.findElement(By.id("code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(uri("/admin/notifications?code=" + code).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thông báo gửi người nộp hồ sơ và cán bộ");
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("results")).getText()).contains("Bước xử lý quá hạn")
                .contains("Gửi cán bộ: Hồ sơ " + code + ": bước \"Thẩm định\" quá hạn").contains("(không có người nhận)")
                .contains("Không gửi (xem lý do)");
        Chromium.assertAccessible(browser, "/admin/notifications (rows)");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("FAILED");
        browser.findElement(By.id("code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("status=FAILED"));
        String table = browser.findElement(By.id("results")).getText();
        assertThat(table).contains(code).contains("091****001").contains("Gửi không thành công").contains("mã 400")
                .doesNotContain("ng***@vneid-mophong.example");
        Chromium.assertAccessible(browser, "/admin/notifications?status=FAILED");
    }

    /** A message to officials that nobody could receive (SKIPPED, no recipient). */
    private void officialsRow(String code, String subjectRef) {
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into notification (id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked, template,
                            subject, body_sealed, status, attempts, last_error, created_at, updated_at, subject_ref, recipient_key)
                        values (?, ?, 'STEP_OVERDUE', ?, 'EMAIL', null, '(không có người nhận)', 'STEP_OVERDUE.email', ?, ?, 'SKIPPED', 0, ?, ?, ?, ?,
                            'none')""")
                .params(UUID.randomUUID(), code, Timestamp.from(now), "Hồ sơ " + code + ": bước \"Thẩm định\" quá hạn từ 10:00 27/11/2026",
                        protection.seal(NotificationStore.BODY, "x"),
                        "Không có cán bộ nào đang giữ vai trò Lãnh đạo phòng SO-XD/P-QLXD: không gửi được thư báo bước quá hạn.",
                        Timestamp.from(now), Timestamp.from(now), subjectRef)
                .update();
    }

    private void row(String code, String channel, String status, String masked, String error) {
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into notification (id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked, template,
                            subject, body_sealed, status, attempts, last_error, created_at, updated_at, sent_at)
                        values (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, null, ?, ?, 1, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), code, Timestamp.from(now), channel, protection.seal(NotificationStore.RECIPIENT, "x"), masked,
                        "RECEIVED." + channel.toLowerCase(), protection.seal(NotificationStore.BODY, "x"), status, error,
                        Timestamp.from(now), Timestamp.from(now), "SENT".equals(status) ? Timestamp.from(now) : null)
                .update();
    }
}
