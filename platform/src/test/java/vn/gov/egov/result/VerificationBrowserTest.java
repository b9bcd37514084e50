package vn.gov.egov.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;

/** The verification pages and the administrator's certificates page in Chromium on a phone-sized window, with axe. */
class VerificationBrowserTest extends PlatformTest {

    private static WebDriver browser;

    @Autowired
    Results results;

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
    void aCitizenVerifiesAResultByItsAddressAndByItsFileAndThePagesMeetWcag21AA() throws Exception {
        IssuedResult issued = results.issue(ResultsTest.licence(UUID.randomUUID(), null, ResultsTest.agency()));
        browser.manage().deleteAllCookies();

        browser.get(uri("/verify/" + issued.resultId() + "?lang=vi").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kiểm tra kết quả giải quyết");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("xác thực");
        assertThat(browser.findElement(By.id("holder")).getText()).isEqualTo("Nguyễn V. A.");
        Chromium.assertAccessible(browser, "/verify/{id} (valid)");

        Path dir = Files.createTempDirectory("kiem-tra");
        Path tampered = dir.resolve("giay-phep.pdf");
        Files.write(tampered, ResultsTest.TamperedPdf.of(results.content(issued.resultId()).orElseThrow()));
        browser.get(uri("/verify?lang=vi").toString());
        Chromium.assertAccessible(browser, "/verify");
        browser.findElement(By.id("file")).sendKeys(tampered.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("upload-message")));
        assertThat(browser.findElement(By.id("upload-message")).getText()).contains("chữ ký số không hợp lệ");
        Chromium.assertAccessible(browser, "/verify (tampered upload)");

        Path notPdf = dir.resolve("anh.pdf");
        Files.writeString(notPdf, "không phải PDF ".repeat(10));
        browser.findElement(By.id("file")).sendKeys(notPdf.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("file-error")));
        Chromium.assertAccessible(browser, "/verify (not a PDF)");

        Path authentic = dir.resolve("ban-goc.pdf");
        Files.write(authentic, results.content(issued.resultId()).orElseThrow());
        browser.findElement(By.id("file")).sendKeys(authentic.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "trùng khớp"));
        Chromium.assertAccessible(browser, "/verify (authentic upload)");

        results.revoke(issued.resultId(), "Thu hồi để kiểm thử", "test-admin");
        browser.get(uri("/verify/" + issued.resultId() + "?lang=vi").toString());
        assertThat(browser.findElement(By.id("validity-status")).getText()).contains("Đã bị thu hồi");
        Chromium.assertAccessible(browser, "/verify/{id} (revoked)");
        browser.get(uri("/verify/" + issued.resultId() + "?lang=en").toString());
        Chromium.assertAccessible(browser, "/verify/{id} (English)");

        browser.get(uri("/verify/" + UUID.randomUUID() + "?lang=vi").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy kết quả giải quyết");
        Chromium.assertAccessible(browser, "/verify/{unknown}");
    }

    @Test
    void theAdministratorIssuesATestCertificateAndThePageMeetsWcag21AA() throws Exception {
        Chromium.logInOfficial(browser, uri("").toString(), ADMIN, ADMIN_PASSWORD, nextTotpCode(ADMIN));
        browser.get(uri("/admin/signing?lang=vi").toString());
        assertThat(browser.findElement(By.id("test-ca")).getText()).contains("CA thử nghiệm");
        Chromium.assertAccessible(browser, "/admin/signing");

        browser.findElement(By.id("issue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("agencyCode-error")));
        assertThat(browser.findElement(By.id("agencyCode-error")).getText()).contains("Mã cơ quan: bắt buộc");
        Chromium.assertAccessible(browser, "/admin/signing (refused)");

        String code = "B-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        browser.findElement(By.id("agencyCode")).sendKeys(code);
        browser.findElement(By.id("agencyName")).sendKeys("Sở Thử nghiệm Giao diện");
        browser.findElement(By.id("issue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("Sở Thử nghiệm Giao diện");
        assertThat(browser.findElement(By.id("certificates")).getText()).contains(code).contains("Còn hiệu lực");
        Chromium.assertAccessible(browser, "/admin/signing (issued)");

        var row = browser.findElements(By.cssSelector("#certificates tbody tr")).stream()
                .filter(r -> r.getText().contains(code)).findFirst().orElseThrow();
        row.findElement(By.name("reason")).sendKeys("Kiểm thử thu hồi");
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Đã thu hồi"));
        assertThat(browser.findElements(By.cssSelector("#certificates tbody tr")).stream().filter(r -> r.getText().contains(code))
                .findFirst().orElseThrow().getText()).contains("Đã thu hồi").contains("Kiểm thử thu hồi");
        browser.manage().deleteAllCookies();
    }
}
