package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;

/** The administrator builds a route in the pages: template, timeline, draft, publish; refusals; all WCAG 2.1 AA. */
class RoutePagesBrowserTest extends RouteTestSupport {

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
    void theAdministratorBuildsPreviewsAndPublishesARouteInThePages() throws Exception {
        Chromium.logInOfficial(browser, uri("").toString(), ADMIN, ADMIN_PASSWORD, nextTotpCode(ADMIN));
        browser.get(uri("/admin/routes").toString());
        Chromium.assertAccessible(browser, "/admin/routes");

        // 1.000023: copy of a diploma from the original register, Department of Education, 1 working day
        browser.get(uri("/admin/routes/new?procedureCode=1.000023&template=single").toString());
        Chromium.assertAccessible(browser, "/admin/routes/new (single-agency template)");
        assertThat(browser.findElement(By.id("stepName1")).getAttribute("value")).isEqualTo("Tiếp nhận, chuyển hồ sơ");
        browser.findElement(By.id("from")).sendKeys("04/28/2027");
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-heading")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("trong hạn");
        Chromium.assertAccessible(browser, "/admin/routes/new (timeline)");

        // one more step of four hours is over the legal time: refused, explained
        browser.findElement(By.cssSelector("button[value=add]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stepName7")));
        browser.findElement(By.id("stepName7")).sendKeys("Thẩm định thêm");
        browser.findElement(By.id("stepTime7")).sendKeys("4h");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("vượt thời hạn giải quyết của thủ tục 1.000023");
        Chromium.assertAccessible(browser, "/admin/routes/new (refused)");

        browser.findElement(By.id("stepName7")).clear();
        browser.findElement(By.id("stepTime7")).clear();
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/routes/versions/"));
        assertThat(browser.findElement(By.cssSelector(".alert-ok")).getText()).contains("Đã lưu bản nháp phiên bản 1");
        Chromium.assertAccessible(browser, "/admin/routes/versions/… (draft)");
        browser.findElement(By.xpath("//button[contains(., 'Ban hành')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-ok"), "Đã ban hành phiên bản 1"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Đang áp dụng").contains("route_1_000023");

        // a BPMN that breaks a rule: refused on the list page, naming the element
        Path bad = Files.writeString(Files.createTempFile("route", ".bpmn"), RouteUploadTest.good("CHIEF@SO-XD", "1d"));
        browser.get(uri("/admin/routes").toString());
        new Select(browser.findElement(By.id("upload-procedure"))).selectByValue("1.000011");
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("file")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-errors")));
        assertThat(browser.findElement(By.id("upload-errors")).getText()).contains("'Thẩm định' (appraise)").contains("'CHIEF'");
        Chromium.assertAccessible(browser, "/admin/routes (upload refused)");

        browser.get(uri("/admin/routes/decisions").toString());
        Chromium.assertAccessible(browser, "/admin/routes/decisions");
    }
}
