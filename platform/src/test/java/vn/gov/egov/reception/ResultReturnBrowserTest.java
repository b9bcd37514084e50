package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.ResultDelivery;

/** The return's pages in Chromium on a phone-sized window, WCAG 2.1 AA (axe): the desk's, the shipments', the citizen's rating. */
class ResultReturnBrowserTest extends ResultTestSupport {

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
    void theReturnPagesMeetWcag21AA() throws Exception {
        UUID atDesk = resolved("browser-return-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null);
        UUID byPost = resolved("browser-post-" + UUID.randomUUID(), ResultDelivery.BY_POST, ADDRESS);
        UUID online = resolved("browser-online-" + UUID.randomUUID(), ResultDelivery.ONLINE, null);
        String code = codeOf(atDesk);
        await().atMost(Duration.ofSeconds(15)).until(() -> progress.detail(byPost).orElseThrow().summary().status() == DossierStatus.RETURNED
                && progress.detail(online).orElseThrow().summary().status() == DossierStatus.RETURNED);

        Chromium.logInOfficial(browser, uri("").toString(), DESK, passwordOf(DESK), nextTotpCode(DESK));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.get(uri("/reception/results").toString());
            return browser.getPageSource().contains(code);
        });
        Chromium.assertAccessible(browser, "/reception/results");
        browser.get(uri("/reception/results/" + code).toString());
        Chromium.assertAccessible(browser, "/reception/results/{code}");
        browser.findElement(By.id("recipientName")).clear();
        browser.findElement(By.id("hand-over")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("recipientName-error")));
        Chromium.assertAccessible(browser, "/reception/results/{code} (no recipient)");
        browser.findElement(By.cssSelector("label[for=recipient-proxy]")).click();
        browser.findElement(By.id("recipientName")).sendKeys("Nguyễn Thị Bình");
        browser.findElement(By.id("proxyPersonalId")).sendKeys("020190999888");
        browser.findElement(By.id("relation")).sendKeys("Con gái");
        browser.findElement(By.id("hand-over")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).contains(code).contains("020******888");
        Chromium.assertAccessible(browser, "/reception/results (after a return)");
        browser.manage().deleteAllCookies();

        Chromium.logInOfficial(browser, uri("").toString(), ADMIN, passwordOf(ADMIN), nextTotpCode(ADMIN));
        browser.get(uri("/admin/vnpost").toString());
        assertThat(browser.findElement(By.id("shipments")).getText()).contains(codeOf(byPost));
        Chromium.assertAccessible(browser, "/admin/vnpost (with shipments)");
        browser.manage().deleteAllCookies();

        // the citizen logs in through the simulated VNeID, whose redirects go to 127.0.0.1
        browser.get("http://127.0.0.1:" + port + "/login?lang=vi");
        browser.findElement(By.id("vneid-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("so-dinh-danh")));
        browser.findElement(By.id("so-dinh-danh")).sendKeys(CITIZEN);
        browser.findElement(By.id("mat-khau")).sendKeys(VNEID_PASSWORD);
        browser.findElement(By.id("dang-nhap")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-name")));
        String onlineCode = codeOf(online);
        browser.get("http://127.0.0.1:" + port + "/my/dossiers/" + onlineCode);
        Chromium.assertAccessible(browser, "/my/dossiers/{code} (rating form)");
        browser.findElement(By.id("rate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("rating-error")));
        Chromium.assertAccessible(browser, "/my/dossiers/{code} (rating without a level)");
        browser.findElement(By.cssSelector("label[for=rating-5]")).click();
        browser.findElement(By.id("rate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("rating-given")));
        assertThat(browser.findElement(By.id("rating-given")).getText()).contains("Rất hài lòng (5/5)");
        Chromium.assertAccessible(browser, "/my/dossiers/{code} (rated)");
        browser.manage().deleteAllCookies();
    }
}
