package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;

/** The officials' processing pages in Chromium on a phone-sized window: WCAG 2.1 AA (axe), claim and decide. */
class ProcessingBrowserTest extends ProcessingTestSupport {

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
    void theProcessingPagesMeetWcag21AAAndAnOfficialClaimsAndForwards() throws Exception {
        String code = receivedDossier("browser");
        logIn(DESK);
        browser.get(uri("/processing").toString());
        Chromium.assertAccessible(browser, "/processing");
        assertThat(browser.findElement(By.id("unit")).getText()).contains(code).contains("Tiếp nhận");
        browser.findElement(By.cssSelector("#unit tr[data-code='" + code + "'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.getCurrentUrl()).endsWith("/processing/dossiers/" + code);
        Chromium.assertAccessible(browser, "/processing/dossiers/" + code);

        // no decision chosen: the refusal is explained on the page
        browser.findElement(By.id("decide")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("không áp dụng");
        Chromium.assertAccessible(browser, "/processing/dossiers/" + code + " (refused decision)");

        browser.findElement(By.id("decision-FORWARD")).click();
        browser.findElement(By.id("comment")).sendKeys("Hồ sơ đầy đủ, chuyển thụ lý");
        browser.findElement(By.id("decide")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("Thụ lý, thẩm định hồ sơ").contains("Chuyển bước tiếp theo: Hồ sơ đầy đủ");
        browser.get(uri("/processing").toString());
        assertThat(browser.findElement(By.id("main")).getText()).as("handed on: no longer mine nor my unit's").doesNotContain(code);

        logIn(LEADER);
        browser.get(uri("/processing/dossiers/" + code).toString());
        assertThat(browser.findElement(By.id("reschedule")).isDisplayed()).isTrue();
        Chromium.assertAccessible(browser, "/processing/dossiers/" + code + " (leader)");
        browser.manage().deleteAllCookies();
    }

    @Test
    void thePagesAreForOfficialsWhoMayWorkOnTheDossier() throws Exception {
        String code = receivedDossier("pages");
        assertThat(get("/processing").statusCode()).isEqualTo(302);
        Browser outsider = new Browser();
        outsider.logIn(OUTSIDER);
        assertThat(outsider.get("/processing").statusCode()).isEqualTo(200);
        assertThat(outsider.get("/processing/dossiers/" + code).statusCode()).isEqualTo(404);
        Browser desk = new Browser();
        desk.logIn(DESK);
        HttpResponse<String> page = desk.get("/processing/dossiers/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(code).contains("Nguyễn Văn An").contains("van-bang.pdf");
        HttpResponse<String> sheet = desk.get("/processing/dossiers/" + code + "/control-sheet.pdf");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    private void logIn(String username) throws InterruptedException {
        Chromium.logInOfficial(browser, uri("").toString(), username, passwordOf(username), nextTotpCode(username));
    }
}
