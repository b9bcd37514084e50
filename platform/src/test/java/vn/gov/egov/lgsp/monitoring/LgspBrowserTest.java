package vn.gov.egov.lgsp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.LoggedCall;
import vn.gov.egov.lgsp.messagelog.MessageLog;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/** The LGSP monitoring and message-log pages in Chromium: axe (WCAG 2.1 AA) on a desktop and a phone. */
class LgspBrowserTest extends PlatformTest {

    private static WebDriver browser;

    @Autowired
    MessageLog log;
    @Autowired
    MessageLogQueries queries;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

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
    void theMonitoringAndMessageLogPagesMeetWcag21AAOnADesktopAndAPhone() throws Exception {
        String requestId = UUID.randomUUID().toString();
        log.record(new LoggedCall(requestId, Instant.now(), "CALL", "SO-TP/HTQL", "so-tp", "BCA/CSDLQGDC/cong-dan/v1",
                "GET", "/cong-dan", 200, null, 10, 200, 3_000, 2_000, "a", "b", SecurityLevel.CONFIDENTIAL,
                "{}".getBytes(), "{\"hoTen\":\"Lê Văn Bình\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        log.record(new LoggedCall(UUID.randomUUID().toString(), Instant.now(), "CALL", "SO-TP/HTQL", "so-tp",
                "BCA/CSDLQGDC/cong-dan/v1", "GET", "/cong-dan", 504, "provider.timeout", 10, 0, 30_000_000, 30_000_000,
                "a", null, SecurityLevel.CONFIDENTIAL, null, null));
        assertThat(queries.flush(Duration.ofSeconds(10))).isTrue();
        String subscription = "kiem-thu-giao-dien-" + requestId.substring(0, 8);
        java.util.concurrent.atomic.AtomicLong waiting = new java.util.concurrent.atomic.AtomicLong(99_999);
        io.micrometer.core.instrument.Gauge backlog = io.micrometer.core.instrument.Gauge.builder("lgsp.pubsub.backlog",
                waiting, java.util.concurrent.atomic.AtomicLong::get).tags("subscription", subscription, "event_type", "e")
                .register(meters);
        evaluator.evaluate();
        LogRecord record = queries.byRequestId(requestId).get(0);
        String detail = "/lgsp/admin/message-log/records/" + record.nodeId() + "/" + record.sequence();

        Chromium.logInOfficial(browser, uri("").toString(), ADMIN, ADMIN_PASSWORD, nextTotpCode(ADMIN));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (String page : List.of("/lgsp/monitoring", "/lgsp/monitoring?window=24h", "/lgsp/monitoring?window=7d",
                    "/lgsp/admin/message-log", "/lgsp/admin/message-log?requestId=" + requestId,
                    "/lgsp/admin/message-log?status=abc", detail, "/lgsp/admin/message-log/verify",
                    "/lgsp/monitoring?lang=en")) {
                browser.get(uri(page).toString());
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                Chromium.assertAccessible(browser, page + " at " + size);
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(uri("/lgsp/monitoring?lang=vi").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Giám sát LGSP");
        assertThat(browser.findElement(By.id("open-alerts")).getText()).contains(subscription);
        waiting.set(0);
        evaluator.evaluate();
        meters.remove(backlog);

        Chromium.logInOfficial(browser, uri("").toString(), AUDITOR, AUDITOR_PASSWORD, nextTotpCode(AUDITOR));
        browser.get(uri(detail).toString());
        browser.findElement(By.id("open-bodies")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("response-body")));
        assertThat(browser.findElement(By.id("response-body")).getText()).contains("Lê Văn Bình");
        Chromium.assertAccessible(browser, detail + " with bodies opened");
    }
}
