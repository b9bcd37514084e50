package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole reception journey in Chromium, as people do it: a citizen logs in with the simulated VNeID, searches the
 * procedure without diacritics, fills the pre-filled form, uploads a paper, submits and looks the dossier up publicly;
 * the one-stop officer receives it (receipt with the appointment), sends a second dossier back for supplements that
 * the citizen completes on their page, and refuses a third with a reason.
 */
class DossierJourneyBrowserTest extends BrowserJourneySupport {




    @Test
    void aCitizenSubmitsAndTheDeskReceivesSendsBackAndRefuses() throws Exception {
        // the citizen: VNeID login, search, form, upload, submission
        citizenLogsIn();
        browser.get(url("/procedures?q=ly+lich+tu+phap"));
        browser.findElement(By.cssSelector("#results a[href$='/procedures/1.000001']")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("submit-online"))).click();
        waitFor(10).until(ExpectedConditions.urlContains("/my/dossiers/drafts/"));
        assertThat(browser.findElement(By.id("ef-hoTen")).getDomProperty("value")).as("pre-filled from VNeID").isEqualTo("Nguyễn Văn An");
        browser.findElement(By.id("ef-mucDichSuDung")).sendKeys("Bổ sung hồ sơ xin việc");
        browser.findElement(By.cssSelector("input[name='loaiPhieu'][value='1']")).click();
        browser.findElement(By.id("ef-soLuongPhieu")).sendKeys("1");
        browser.findElement(By.cssSelector("fieldset[id^='doc-'] input[type='file']")).sendKeys(pdfFile("CCCD journey").toString());
        browser.findElement(By.id("review")).click();
        waitFor(10).until(ExpectedConditions.urlContains("/review"));
        browser.findElement(By.id("submit")).click();
        String received = waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code"))).getText();
        assertThat(received).matches("000\\.00\\.10\\.H20-\\d{6}-\\d{4}");
        assertThat(browser.findElement(By.id("dossier-qr")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).as("the citizen is greeted by name, not by account id").contains("Đăng xuất (Nguyễn Văn An)");

        browser.get(url("/tra-cuu-ho-so?ma=" + received));
        assertThat(browser.findElement(By.id("lookup-result")).getText()).contains("Sở Tư pháp").doesNotContain("Nguyễn Văn An");

        // two more dossiers of the same citizen, through the API of the province's portal application
        String token = citizenToken(CITIZEN);
        String sentBack = submitOnline(token, "journey supplement " + UUID.randomUUID());
        String refused = submitOnline(token, "journey refusal " + UUID.randomUUID());

        // the one-stop officer
        officerLogsIn(DESK);
        browser.get(url("/reception"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains(received, sentBack, refused);
        browser.get(url("/reception/dossiers/" + received));
        assertThat(browser.findElement(By.id("dossier-summary")).getText()).contains("Sở Tư pháp");
        browser.findElement(By.id("accept")).click();
        String appointment = waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("appointment-date"))).getText();
        assertThat(appointment).matches(".*\\d{2}/\\d{2}/\\d{4}.*");
        assertThat(browser.findElement(By.id("receipt-link")).getDomAttribute("href")).contains("/files/");

        browser.get(url("/reception/dossiers/" + sentBack));
        browser.findElement(By.id("missing-0-what")).sendKeys(DossierFixtures.ID_CARD);
        browser.findElement(By.id("missing-0-why")).sendKeys("Ảnh chụp mờ, không đọc được số");
        browser.findElement(By.id("send-supplement-request")).click();
        waitFor(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), "bổ sung"));

        browser.get(url("/reception/dossiers/" + refused));
        browser.findElement(By.id("reasons")).sendKeys("Người yêu cầu không thuộc đối tượng được cấp Phiếu theo quy định");
        browser.findElement(By.id("refuse")).click();
        waitFor(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), "Từ chối"));

        // the citizen completes the dossier sent back; it returns to the desk's queue
        citizenLogsIn();
        browser.get(url("/my/dossiers/" + sentBack));
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("supplement")));
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#supplement-heading ~ form input[type='file']")))
                .sendKeys(pdfFile("CCCD clear").toString());
        browser.findElement(By.id("supplement")).click();
        waitFor(10).until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), "bổ sung")));

        officerLogsIn(DESK);
        browser.get(url("/reception"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains(sentBack).doesNotContain(received).doesNotContain(refused);
        browser.manage().deleteAllCookies();

        browser.get(url("/tra-cuu-ho-so?ma=" + received));
        assertThat(browser.findElement(By.id("lookup-result")).getText()).contains("Đã tiếp nhận").contains(appointment.replaceAll(".*?(\\d{2}/\\d{2}/\\d{4}).*", "$1"));
        browser.get(url("/tra-cuu-ho-so?ma=" + refused));
        assertThat(browser.findElement(By.id("lookup-result")).getText()).contains("Từ chối");
    }
}
