package vn.gov.egov;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium for the browser tests (phone-sized window, offline), and the WCAG 2.1 AA check with axe-core. */
public final class Chromium {

    private Chromium() {
    }

    public static WebDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=412,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    public static void assertAccessible(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getViolations()).as(() -> page + " has accessibility violations:\n" + describe(results.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Clicks a button that sends its form and waits until the browser has replaced the page: a confirmation looked for
     * afterwards is then the answer to this click, never one left on the page by the click before.
     */
    public static void submit(WebDriver browser, WebElement button) {
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(page -> isGone(button));
    }

    /**
     * Whether the element has left the page. Besides Selenium's stale-element answer, Chromium can answer a question
     * about an element whose document is being replaced with an inspector error ("does not belong to the document",
     * "No node with given id"), which also means it is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException gone) {
            return true;
        } catch (WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Logs an official in on the platform at {@code base} (password, then the one-time code), starting from no cookies,
     * and waits until the browser has left the login pages.
     */
    public static void logInOfficial(WebDriver browser, String base, String username, String password, String oneTimeCode) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.id("password")).submit();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login/totp"));
        browser.findElement(org.openqa.selenium.By.id("code")).sendKeys(oneTimeCode);
        browser.findElement(org.openqa.selenium.By.id("code")).submit();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.not(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login")));
    }
}
