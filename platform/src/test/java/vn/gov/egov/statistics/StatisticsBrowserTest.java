package vn.gov.egov.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;

/** The statistics pages in Chromium: axe (WCAG 2.1 AA) on the public page, the officials' page and a drill-down, also at phone width. */
class StatisticsBrowserTest extends PlatformTest {

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
    void theStatisticsPagesMeetWcag21AAOnADesktopAndAPhone() throws Exception {
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 900),
                new org.openqa.selenium.Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(uri("/thong-ke").toString());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kết quả giải quyết thủ tục hành chính");
            Chromium.assertAccessible(browser, "/thong-ke at " + size);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        Chromium.logInOfficial(browser, uri("").toString(), ADMIN, ADMIN_PASSWORD, nextTotpCode(ADMIN));
        for (String page : List.of("/statistics", "/statistics?from=2021-03-01&to=2021-03-31&groupBy=procedure",
                "/statistics?from=2021-03-31&to=2021-03-01", "/statistics/dossiers?from=2021-01-01&to=2021-12-31&groupBy=agency&metric=to-handle")) {
            browser.get(uri(page).toString());
            new WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            Chromium.assertAccessible(browser, page);
        }
        browser.get(uri("/statistics?from=2021-01-01&to=2021-12-31").toString());
        assertThat(browser.findElement(By.cssSelector("svg[role='img'] title")).getAttribute("textContent")).startsWith("Tỷ lệ giải quyết đúng hạn");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(uri("/statistics?from=2021-01-01&to=2021-12-31").toString());
        Chromium.assertAccessible(browser, "/statistics on a phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
}
