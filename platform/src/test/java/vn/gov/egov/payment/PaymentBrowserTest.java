package vn.gov.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierTestSupport;

/** In Chromium: the citizen pays a received dossier's fee through the simulated PayGov; the pages meet WCAG 2.1 AA. */
class PaymentBrowserTest extends DossierTestSupport {

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
    void aCitizenPaysThroughPaygovAndTheAdministratorReconciles() throws Exception {
        String code = submitOnline(citizenToken(CITIZEN), "payment-browser");
        HttpResponse<String> accepted = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", "application/json", "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> as(DESK, "GET", "/api/v1/dossiers/" + code + "/payments", null, null).body()
                .contains("REQUESTED"));

        browser.manage().deleteAllCookies();
        String platform = "http://127.0.0.1:" + port;
        browser.get(platform + "/login?lang=vi");
        browser.findElement(By.id("vneid-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("so-dinh-danh")));
        browser.findElement(By.id("so-dinh-danh")).sendKeys(CITIZEN);
        browser.findElement(By.id("mat-khau")).sendKeys(VNEID_PASSWORD);
        browser.findElement(By.id("dang-nhap")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-name")));

        browser.get(platform + "/my/dossiers/" + code + "/payment");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thanh toán phí, lệ phí");
        assertThat(browser.findElement(By.id("payment-amount")).getText()).isEqualTo("200.000 đồng");
        Chromium.assertAccessible(browser, "/my/dossiers/{code}/payment (requested)");

        browser.findElement(By.id("pay-paygov")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("pay-success")));
        assertThat(browser.findElement(By.id("canh-bao-mo-phong")).getText()).contains("TRÌNH MÔ PHỎNG");
        assertThat(browser.findElement(By.id("so-tien")).getText()).isEqualTo("200.000 đồng");
        browser.findElement(By.id("pay-success")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("payment-outcome")));
        assertThat(browser.getCurrentUrl()).isEqualTo(platform + "/my/dossiers/" + code + "/payment");
        assertThat(browser.findElement(By.id("payment-outcome")).getText()).contains("Thanh toán thành công");
        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Đã thanh toán");
        assertThat(browser.findElement(By.id("receipt-link")).getText()).contains("biên lai");
        Chromium.assertAccessible(browser, "/my/dossiers/{code}/payment (paid)");
        browser.get(platform + "/my/dossiers/" + code + "/payment?lang=en");
        Chromium.assertAccessible(browser, "/my/dossiers/{code}/payment?lang=en");
        browser.manage().deleteAllCookies();

        Chromium.logInOfficial(browser, "http://localhost:" + port, ADMIN, ADMIN_PASSWORD, nextTotpCode(ADMIN));
        browser.get("http://localhost:" + port + "/admin/payments/reconciliation?lang=vi");
        Chromium.assertAccessible(browser, "/admin/payments/reconciliation");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = arguments[0]",
                LocalDate.now(WorkingCalendar.ZONE).toString());
        browser.findElement(By.id("reconcile-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("report-summary")));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Đã đối soát ngày");
        Chromium.assertAccessible(browser, "/admin/payments/reconciliation?report={id}");
        browser.manage().deleteAllCookies();
    }
}
