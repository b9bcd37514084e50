package vn.gov.egov;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium walks the home page and the catalog pages, in Vietnamese and then in English. */
class BrowserTest extends PlatformTest {

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
    void aCitizenBrowsesTheCatalogsInVietnameseAndSwitchesToEnglish() {
        browser.get(uri("/?lang=vi").toString());
        assertThat(browser.getTitle()).isEqualTo("Trang chủ – Cổng dịch vụ công tỉnh Lạng Sơn");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("Cổng dịch vụ công tỉnh Lạng Sơn");

        browser.findElement(By.linkText("Đơn vị hành chính")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đơn vị hành chính");
        assertThat(browser.findElement(By.id("results")).getText()).contains("Tỉnh Lạng Sơn").contains("66 mục có hiệu lực");

        browser.get(uri("/catalogs/admin-units?asOf=2025-05-01").toString());
        assertThat(browser.findElement(By.id("results")).getText()).contains("206 mục có hiệu lực ngày 01/05/2025")
                .contains("Thành phố Lạng Sơn").contains("Huyện Tràng Định");

        browser.get(uri("/catalogs/admin-units?asOf=2025-05-01&q=vinh%20trai").toString());
        browser.findElement(By.linkText("Phường Vĩnh Trại")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.titleContains("Vĩnh Trại"));
        assertThat(browser.findElement(By.id("now-heading")).getText()).startsWith("Hiện nay");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Phường Đông Kinh");

        browser.get(uri("/catalogs/agencies").toString());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ủy ban nhân dân tỉnh Lạng Sơn").contains("Sở Tư pháp");

        browser.findElement(By.cssSelector("a[hreflang='en']")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for='q']")).getText()).isEqualTo("Search (with or without diacritics)");
        browser.get(uri("/catalogs?lang=vi").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Danh mục điện tử dùng chung");
    }

    @Test
    void thePublicPagesMeetWcag21AA() {
        for (String page : List.of("/?lang=vi", "/catalogs", "/catalogs/admin-units", "/catalogs/agencies?asOf=2024-06-01",
                "/catalogs/admin-units?q=dong%20kinh", "/catalogs/admin-units/entries/05980?asOf=2025-05-01",
                "/catalogs/document-types", "/calendar?year=2026", "/login", "/khong-co-trang-nay", "/lgsp/catalog",
                "/lgsp/catalog/events", "/lgsp/catalog/events/SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1", "/?lang=en")) {
            browser.get(uri(page).toString());
            assertAccessible(page);
        }
    }

    @Test
    void theProcedurePagesMeetWcag21AAAndSearchWithoutDiacritics() throws Exception {
        assertThat(asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null).statusCode()).isEqualTo(200);
        for (String page : List.of("/procedures", "/procedures?q=ly%20lich%20tu%20phap&level=PROVINCE", "/procedures?field=TP",
                "/procedures/1.000001", "/procedures/1.000010?asOf=2025-01-01", "/procedures/1.000009?lang=en")) {
            browser.get(uri(page).toString());
            assertAccessible(page);
        }
        browser.get(uri("/procedures?lang=vi").toString());
        browser.findElement(By.id("q")).sendKeys("ly lich tu phap");
        browser.findElement(By.id("q")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"),
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"));
        // htmx may swap the results once more (the search box also searches as one types): find the link afresh
        new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.partialLinkText("Cấp Phiếu lý lịch tư pháp cho công dân")).click();
                    return true;
                });
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.titleContains("lý lịch tư pháp"));
        assertThat(browser.findElement(By.id("documents-heading")).getText()).isEqualTo("Thành phần hồ sơ");
    }

    @Test
    void anAdministratorEditsAnEntryAndSeesARefusedImportExplained() throws Exception {
        logIn();
        browser.get(uri("/admin/catalogs/religions/entries/01").toString());
        assertAccessible("/admin/catalogs/religions/entries/01");
        var name = browser.findElement(By.id("f-name"));
        name.clear();
        name.sendKeys("Phật giáo (sửa thử)");
        browser.findElement(By.id("f-reason")).sendKeys("Kiểm thử giao diện quản trị");
        browser.findElement(By.id("f-name")).submit();
        assertThat(browser.findElement(By.cssSelector(".alert-ok")).getText()).contains("Đã lưu phiên bản mới của mục 01");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Phật giáo (sửa thử)");
        assertThat(browser.findElement(By.id("changes-heading")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(ADMIN).contains("Kiểm thử giao diện quản trị");

        Path bad = Files.writeString(Files.createTempFile("religions", ".csv"),
                "code,name,valid_from,recognized\nABC,Sai mã,2025-01-01,true\n02,Công giáo,2025-02-30,true\n");
        browser.get(uri("/admin/catalogs/religions").toString());
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("file")).submit();
        String refusal = browser.findElement(By.cssSelector(".alert-error")).getText();
        assertThat(refusal).contains("không có gì được ghi").contains("pattern").contains("date-format");
        assertAccessible("/admin/catalogs/religions (import refused)");

        browser.get(uri("/admin/calendar?year=2026").toString());
        assertAccessible("/admin/calendar");
        browser.get(uri("/admin/notifications").toString());
        assertAccessible("/admin/notifications");
        browser.get(uri("/lgsp/admin/pubsub").toString());
        assertAccessible("/lgsp/admin/pubsub");
        browser.get(uri("/lgsp/admin/pubsub/approvals").toString());
        assertAccessible("/lgsp/admin/pubsub/approvals");
        browser.get(uri("/workspace").toString());
        assertAccessible("/workspace");
    }

    private void logIn() throws InterruptedException {
        browser.get(uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/login/totp"));
        assertAccessible("/login/totp");
        browser.findElement(By.id("code")).sendKeys(nextTotpCode(ADMIN));
        browser.findElement(By.id("code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void assertAccessible(String page) {
        Chromium.assertAccessible(browser, page);
    }

    @Test
    void aCitizenLogsInThroughTheSimulatedVneidAndSeesTheirProfile() throws Exception {
        String identities = get("/login").statusCode() == 200 ? java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + simulatorPort() + "/vneid/test-identities")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body() : "";
        java.util.regex.Matcher first = java.util.regex.Pattern
                .compile("\"personalId\"\\s*:\\s*\"(\\d{12})\"\\s*,\\s*\"fullName\"\\s*:\\s*\"([^\"]+)\"").matcher(identities);
        assertThat(first.find()).as(identities).isTrue();
        String personalId = first.group(1);

        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + port + "/login?lang=vi");
        browser.findElement(By.id("vneid-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("so-dinh-danh")));
        assertThat(browser.getPageSource()).contains("MÔ PHỎNG");
        browser.findElement(By.id("so-dinh-danh")).sendKeys(personalId);
        browser.findElement(By.id("mat-khau")).sendKeys("MoPhong@2025");
        browser.findElement(By.id("dang-nhap")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-name")));
        assertThat(browser.findElement(By.id("my-name")).getText()).isEqualTo(first.group(2));
        assertThat(browser.findElement(By.id("my-personal-id")).getText())
                .isEqualTo(personalId.substring(0, 3) + "******" + personalId.substring(9));
        assertThat(browser.getPageSource()).doesNotContain(personalId);
        assertAccessible("/my");
        theCitizenKeepsAPaperInTheirDocumentStore();
        browser.manage().deleteAllCookies();
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.gov.egov.eform.ProcedureForms procedureForms;

    @org.springframework.beans.factory.annotation.Autowired
    tools.jackson.databind.ObjectMapper json;

    @Test
    void aCitizenSubmitsThroughTheWizardAndTheDossierPagesMeetWcag21AA() throws Exception {
        assertThat(asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null).statusCode()).isEqualTo(200);
        vn.gov.egov.eform.DemonstrationFormsForTests.load(procedureForms, json);
        assertThat(procedureForms.current("1.000001")).isPresent();
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + port + "/login?lang=vi");
        browser.findElement(By.id("vneid-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("so-dinh-danh")));
        browser.findElement(By.id("so-dinh-danh")).sendKeys("020085999001");
        browser.findElement(By.id("mat-khau")).sendKeys("MoPhong@2025");
        browser.findElement(By.id("dang-nhap")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-name")));

        browser.get("http://127.0.0.1:" + port + "/procedures/1.000001");
        assertAccessible("/procedures/1.000001 (citizen)");
        browser.findElement(By.id("submit-online")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/my/dossiers/drafts/"));
        assertAccessible("/my/dossiers/drafts/{id}");
        assertThat(browser.findElement(By.id("ef-hoTen")).getDomProperty("value")).isEqualTo("Nguyễn Văn An");

        Path png = Files.write(Files.createTempFile("cccd", ".pdf"), java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
        var upload = browser.findElement(By.cssSelector("fieldset[id^='doc-'] input[type='file']"));
        upload.sendKeys(png.toAbsolutePath().toString());
        browser.findElement(By.id("ef-mucDichSuDung")).sendKeys("Bổ sung hồ sơ xin việc");
        browser.findElement(By.cssSelector("input[name='loaiPhieu'][value='1']")).click();
        browser.findElement(By.id("ef-soLuongPhieu")).sendKeys("1");
        browser.findElement(By.id("save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertAccessible("/my/dossiers/drafts/{id} (file refused)");

        Path pdf = Files.write(Files.createTempFile("cccd", ".pdf"), onePagePdf("CCCD browser " + java.util.UUID.randomUUID()));
        browser.findElement(By.cssSelector("fieldset[id^='doc-'] input[type='file']")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("review")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/review"));
        assertAccessible("/my/dossiers/drafts/{id}/review");
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("submitted")));
        String code = browser.findElement(By.id("dossier-code")).getText();
        assertThat(browser.findElement(By.id("submitted")).getText()).contains("Nộp hồ sơ thành công");
        assertAccessible("/my/dossiers/{code} (submitted)");

        for (String page : List.of("/my/dossiers", "/my/dossiers/drafts", "/my/dossiers/" + code + "?lang=en", "/tra-cuu-ho-so?lang=vi",
                "/tra-cuu-ho-so?ma=" + code, "/tra-cuu-ho-so?ma=sai-ma")) {
            browser.get("http://127.0.0.1:" + port + page);
            assertAccessible(page);
        }
        // on a phone the citizen's list is one card per dossier, each value after its column's name
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get("http://127.0.0.1:" + port + "/my/dossiers");
            org.openqa.selenium.WebElement status = browser.findElement(By.cssSelector("#dossiers tbody tr td:nth-of-type(2)"));
            assertThat(status.getCssValue("display")).isEqualTo("block");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return getComputedStyle(arguments[0], '::before').content", status)).asString().contains("Trạng thái");
            assertThat(browser.findElement(By.id("dossiers")).getSize().getWidth()).as("no sideways scrolling").isLessThanOrEqualTo(390);
            assertAccessible("/my/dossiers (phone)");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 900));
        }
        browser.manage().deleteAllCookies();
    }

    private static byte[] onePagePdf(String text) throws java.io.IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The personal document store: empty, a refused upload explained, then a kept document; each state accessible. */
    private void theCitizenKeepsAPaperInTheirDocumentStore() throws Exception {
        browser.findElement(By.id("my-documents")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/my/documents"));
        assertAccessible("/my/documents");
        Path dir = Files.createTempDirectory("giay-to");
        Path notAPdf = dir.resolve("anh-chup.pdf");
        Files.write(notAPdf, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        browser.findElement(By.id("title")).sendKeys("Sổ hộ khẩu");
        browser.findElement(By.id("file")).sendKeys(notAPdf.toAbsolutePath().toString());
        browser.findElement(By.id("title")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("file-error")).getText()).contains("anh-chup.pdf", "PNG");
        assertAccessible("/my/documents (refused upload)");
        Path pdf = dir.resolve("giay-khai-sinh.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(pdf.toFile());
        }
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Giấy khai sinh");
        browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("title")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("documents")));
        assertThat(browser.findElement(By.id("documents")).getText()).contains("Giấy khai sinh", "Tự tải lên");
        assertAccessible("/my/documents (with a document)");
    }

    @Test
    void anUnknownPageSaysSoInVietnamese() {
        browser.get(uri("/khong-co-trang-nay?lang=vi").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy trang");
    }
}
