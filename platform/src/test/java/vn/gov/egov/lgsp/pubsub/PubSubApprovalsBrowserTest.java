package vn.gov.egov.lgsp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;

/**
 * The approvals page in a phone-sized browser (412 px): an agency administrator refuses a request without a reason
 * (told which field and rule), then with one, and approves another; axe (WCAG 2.1 AA) at each step, no sideways
 * scrolling.
 */
class PubSubApprovalsBrowserTest extends PlatformTest {

    private static final String ADMIN_OF_OWNER = "ps-duyet-trinh-duyet";
    private static final String MEMBER = "SO-TP-DUYET-TD";

    private static WebDriver browser;

    @Autowired
    TestOfficials officials;
    @Autowired
    ServiceCatalogAdministration registry;
    @Autowired
    RegisteringEventTypes registering;
    @Autowired
    Subscribing subscribing;
    @Autowired
    Subscriptions subscriptions;

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

    private WebElement card(Subscription s) {
        return browser.findElement(By.cssSelector("li[data-id='" + s.id() + "']"));
    }

    /** Clicks a form's button and waits for the next page (the redirect after the post). */
    private void fitsThePhone(String page) {
        Object sideways = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) sideways).intValue()).as(page + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
    }

    @Test
    void anAgencyAdministratorRefusesWithAReasonAndApprovesOnAPhone() throws Exception {
        knowOfficial(officials.ensure(ADMIN_OF_OWNER, "Quan-Tri#Duyet-Td-2025", "Quản trị Sở Tư pháp (trình duyệt)",
                new Position(Role.AGENCY_ADMIN, "SO-TP", null)));
        if (registry.member(MEMBER).isEmpty()) {
            registry.registerMember(MEMBER, "Sở Tư pháp (thử duyệt trên trình duyệt)", MemberKind.OTHER, "SO-TP");
            registry.registerSubsystem(MEMBER, "MOT-CUA", "Một cửa", null);
        }
        EventType type = registering.ensure(new RegisteringEventTypes.Draft(MEMBER, "MOT-CUA",
                "td-" + UUID.randomUUID().toString().substring(0, 8), "v1", "Hồ sơ đã trả kết quả", "", "{\"type\":\"object\"}",
                SecurityLevel.INTERNAL));
        Subscription push = subscribing.request(type, "SO-NHAN-TD", "HE-THONG-DAY", null, Subscription.Mode.PUSH,
                "https://nhan.example.vn/lgsp/su-kien/ho-so-da-tra-ket-qua/rat-dai-de-thu-man-hinh-hep");
        Subscription pull = subscribing.request(type, "SO-NHAN-TD", "HE-THONG-KEO", null, Subscription.Mode.PULL, null);

        Chromium.logInOfficial(browser, uri("").toString(), ADMIN_OF_OWNER, passwordOf(ADMIN_OF_OWNER), nextTotpCode(ADMIN_OF_OWNER));
        browser.get(uri("/lgsp/admin/pubsub/approvals").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Duyệt đăng ký nhận sự kiện");
        assertThat(card(push).getText()).contains("SO-NHAN-TD/HE-THONG-DAY").contains(type.path());
        Chromium.assertAccessible(browser, "/lgsp/admin/pubsub/approvals");
        fitsThePhone("/lgsp/admin/pubsub/approvals");

        Chromium.submit(browser, card(pull).findElement(By.xpath(".//button[normalize-space()='Từ chối']")));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("'reason' (lý do từ chối) là bắt buộc");
        Chromium.assertAccessible(browser, "/lgsp/admin/pubsub/approvals (refusal without a reason)");
        assertThat(subscriptions.byId(pull.id()).orElseThrow().state()).isEqualTo(Subscription.State.REQUESTED);

        card(pull).findElement(By.tagName("textarea")).sendKeys("Chưa có thỏa thuận chia sẻ dữ liệu");
        Chromium.submit(browser, card(pull).findElement(By.xpath(".//button[normalize-space()='Từ chối']")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("Đã từ chối đăng ký của SO-NHAN-TD/HE-THONG-KEO");
        assertThat(subscriptions.byId(pull.id()).orElseThrow().state()).isEqualTo(Subscription.State.REFUSED);

        Chromium.submit(browser, card(push).findElement(By.xpath(".//button[normalize-space()='Duyệt']")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("Đã duyệt đăng ký của SO-NHAN-TD/HE-THONG-DAY");
        assertThat(browser.findElement(By.id("secret")).getText()).contains("chỉ hiện một lần");
        Chromium.assertAccessible(browser, "/lgsp/admin/pubsub/approvals (approved, key shown once)");
        fitsThePhone("/lgsp/admin/pubsub/approvals (approved)");
        assertThat(subscriptions.byId(push.id()).orElseThrow().state()).isEqualTo(Subscription.State.ACTIVE);
    }
}
