package vn.gov.egov.dossier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.gov.egov.Chromium;

/** One Chromium for a journey test class, and the people's ways in: the citizen through VNeID, officials with TOTP. */
abstract class BrowserJourneySupport extends DossierTestSupport {

    static WebDriver browser;

    /** On a failure: the page's address and visible text in the report, its source under target/browser-failures. */
    @RegisterExtension
    static final TestWatcher PAGE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^\\w-]", "");
                Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
                String text = browser.findElement(By.tagName("body")).getText();
                System.err.printf("%s failed at %s; the page said:%n%s%n(source: %s)%n", name, browser.getCurrentUrl(),
                        text.length() > 4000 ? text.substring(0, 4000) + " …" : text, dir.resolve(name + ".html").toAbsolutePath());
            } catch (Exception e) {
                System.err.println("The failed page could not be kept: " + e);
            }
        }
    };

    @BeforeAll
    static void startChromium() throws Exception {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    void citizenLogsIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=vi"));
        browser.findElement(By.id("vneid-login")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("so-dinh-danh")));
        browser.findElement(By.id("so-dinh-danh")).sendKeys(CITIZEN);
        browser.findElement(By.id("mat-khau")).sendKeys(VNEID_PASSWORD);
        browser.findElement(By.id("dang-nhap")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("my-name")));
    }

    void officerLogsIn(String username) throws InterruptedException {
        Chromium.logInOfficial(browser, "http://127.0.0.1:" + port, username, passwordOf(username), nextTotpCode(username));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits through a page that is being replaced (Chromium may report a node of the old document). */
    static FluentWait<WebDriver> waitFor(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(org.openqa.selenium.WebDriverException.class);
    }

    static Path pdfFile(String text) throws Exception {
        return Files.write(Files.createTempFile("giay-to", ".pdf"), pdf(text + " " + UUID.randomUUID(), 0));
    }
}
