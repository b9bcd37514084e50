package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;
import vn.gov.egov.dossier.DossierTestSupport;

/** The desk's pages in Chromium on a phone-sized window: WCAG 2.1 AA (axe), and the look-up button with htmx. */
class ReceptionBrowserTest extends DossierTestSupport {

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
    void theDeskPagesMeetWcag21AAAndTheLookUpFillsTheApplicant() throws Exception {
        String code = submitOnline(citizenToken(CITIZEN), "browser " + UUID.randomUUID());
        logIn(DESK);
        for (String page : new String[] {"/reception", "/reception/dossiers/" + code, "/reception/new",
                "/reception/new?procedureCode=1.000002&agencyCode=SO-TP", "/reception?code=SO-TP-000000-0001"}) {
            browser.get(uri(page).toString());
            Chromium.assertAccessible(browser, page);
        }
        browser.get(uri("/reception").toString());
        assertThat(browser.findElement(By.id("queue")).getText()).contains(code);

        browser.get(uri("/reception/dossiers/" + code).toString());
        browser.findElement(By.id("refuse")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("reasons-error")));
        Chromium.assertAccessible(browser, "/reception/dossiers/" + code + " (refusal without a reason)");

        browser.get(uri("/reception/new?procedureCode=1.000002&agencyCode=SO-TP").toString());
        browser.findElement(By.id("personalId")).sendKeys(ReceptionPagesTest.RESIDENT_WITHOUT_VNEID);
        browser.findElement(By.id("lookup")).click();
        // htmx swaps the applicant's fields: look them up afresh until the swap is done
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> "Hoàng Thị Nhung".equals(d.findElement(By.id("applicantName")).getDomProperty("value")));
        assertThat(browser.findElement(By.id("address")).getDomProperty("value")).contains("Xã Văn Quan");
        Chromium.assertAccessible(browser, "/reception/new (after the look-up)");

        logIn(ADMIN);
        for (String page : new String[] {"/admin/national-portal", "/admin/vnpost"}) {
            browser.get(uri(page).toString());
            Chromium.assertAccessible(browser, page);
        }
        browser.findElement(By.id("poll-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Đã đồng bộ");
        Chromium.assertAccessible(browser, "/admin/vnpost (after a poll)");
        browser.manage().deleteAllCookies();
    }

    private void logIn(String username) throws InterruptedException {
        Chromium.logInOfficial(browser, uri("").toString(), username, passwordOf(username), nextTotpCode(username));
    }
}
