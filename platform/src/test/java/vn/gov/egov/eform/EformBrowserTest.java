package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;

/** Chromium on a phone-sized screen: the form editor with its live preview, and a filled form with errors (axe, WCAG 2.1 AA). */
class EformBrowserTest extends PlatformTest {

    private static WebDriver browser;

    @Autowired
    Forms forms;

    @Autowired
    FormValidation validation;

    @Autowired
    ObjectMapper json;

    @Autowired
    ITemplateEngine templates;

    @Autowired
    ApplicationContext context;

    @Autowired
    ServletContext servletContext;

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

    @BeforeEach
    void demonstrationForms() throws Exception {
        new DemonstrationForms(forms, json).load(DemonstrationForms.LOCATION);
    }

    @Test
    void theEditorPreviewsAsTheAdministratorTypesAndMeetsWcag21AA() throws Exception {
        logIn();
        browser.get(uri("/admin/forms").toString());
        Chromium.assertAccessible(browser, "/admin/forms");
        browser.findElement(By.id("open-code")).sendKeys("1.000001");
        browser.findElement(By.id("open-code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/admin/forms/1.000001"));
        assertThat(browser.findElement(By.cssSelector("#preview label[for=ef-hoTen]")).getText()).contains("Họ và tên");
        Chromium.assertAccessible(browser, "/admin/forms/1.000001");

        WebElement schema = browser.findElement(By.id("schema"));
        String text = schema.getAttribute("value");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", schema,
                text.replace("\"Họ và tên\"", "\"Họ và tên người yêu cầu cấp phiếu\""));
        schema.sendKeys(" "); // a keystroke, so that htmx sees an input event
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#preview label[for=ef-hoTen]"), "Họ và tên người yêu cầu cấp phiếu"));

        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", schema,
                text.replaceFirst("\"integer\"", "\"int\""));
        schema.sendKeys(" ");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-problem")));
        assertThat(browser.findElement(By.id("preview-problem")).getText()).contains("'type'");
        Chromium.assertAccessible(browser, "/admin/forms/1.000001 (schema error in the preview)");
    }

    private String renderedWithErrors(FormDefinition form, String filled) {
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/thu");
        WebContext web = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse()), Locale.forLanguageTag("vi"));
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        web.setVariable("form", form);
        web.setVariable("values", json.readTree(filled));
        web.setVariable("errors", validation.validate(form, json.readTree(filled)));
        return templates.process("eform-test/fields-page", web);
    }

    @Test
    void aFormWithErrorsMeetsWcag21AAAndItsConditionalFieldsAndRowsWork() {
        browser.get(uri("/procedures").toString()); // any page of the platform: the form's styles and script come from it
        write(renderedWithErrors(forms.current("1.000001").orElseThrow(), "{\"hoTen\": \"A\", \"soLuongPhieu\": \"hai\"}"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.querySelector('.eform[data-eform-ready]') !== null"));
        Chromium.assertAccessible(browser, "fields of 1.000001 with errors");
        WebElement conditional = browser.findElement(By.id("ef-noiCuTruDeXacNhan"));
        assertThat(conditional.isDisplayed()).as("shown only when residence confirmation is asked").isFalse();
        browser.findElement(By.id("ef-yeuCauXacNhanCuTru")).click();
        assertThat(conditional.isDisplayed()).isTrue();

        write(renderedWithErrors(forms.current("1.000004").orElseThrow(), "{\"ben\": [{\"hoTen\": \"A\"}]}"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.querySelector('.eform[data-eform-ready]') !== null"));
        Chromium.assertAccessible(browser, "fields of 1.000004 (rows) with errors");
        List<WebElement> rows = browser.findElements(By.cssSelector(".eform-rows > .eform-row"));
        assertThat(rows).hasSize(2);
        WebElement add = browser.findElement(By.cssSelector(".eform-add"));
        assertThat(add.isEnabled()).as("at most two sides").isFalse();
        assertThat(rows.get(0).findElement(By.cssSelector(".eform-remove")).isEnabled()).as("at least two sides").isFalse();

        if (forms.versions("9.000103").isEmpty()) {
            forms.publish("9.000103", java.time.LocalDate.of(2025, 1, 1), json.readTree("""
                    {"title": "Tờ khai thành viên hộ", "type": "object", "properties": {
                      "thanhVien": {"type": "array", "title": "Thành viên hộ gia đình", "minItems": 1,
                        "items": {"type": "object", "title": "Thành viên", "properties": {
                          "hoTen": {"type": "string", "title": "Họ và tên"},
                          "quanHe": {"type": "string", "title": "Quan hệ với chủ hộ"}}, "required": ["hoTen"]}}}}"""), "test");
        }
        write(renderedWithErrors(forms.current("9.000103").orElseThrow(), "{\"thanhVien\": [{\"hoTen\": \"Nguyễn Văn An\"}]}"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.querySelector('.eform[data-eform-ready]') !== null"));
        browser.findElement(By.cssSelector(".eform-add")).click();
        browser.findElement(By.cssSelector(".eform-add")).click();
        List<WebElement> members = browser.findElements(By.cssSelector(".eform-rows > .eform-row"));
        assertThat(members).hasSize(3);
        assertThat(members.get(2).findElement(By.tagName("legend")).getText()).isEqualTo("Thành viên 3");
        WebElement third = members.get(2).findElement(By.cssSelector("input[name$='.hoTen']"));
        assertThat(third.getAttribute("name")).isEqualTo("thanhVien[2].hoTen");
        assertThat(third.getAttribute("id")).isEqualTo("ef-thanhVien-2-hoTen");
        assertThat(browser.findElement(By.cssSelector("label[for=ef-thanhVien-2-hoTen]")).getText()).contains("Họ và tên");
        members.get(1).findElement(By.cssSelector(".eform-remove")).click();
        members = browser.findElements(By.cssSelector(".eform-rows > .eform-row"));
        assertThat(members).hasSize(2);
        assertThat(members.get(1).findElement(By.tagName("legend")).getText()).as("renumbered").isEqualTo("Thành viên 2");
        assertThat(members.get(1).findElement(By.cssSelector("input[name$='.hoTen']")).getAttribute("name"))
                .as("names keep their index; the server closes the gap").isEqualTo("thanhVien[2].hoTen");
        Chromium.assertAccessible(browser, "fields with rows added and removed");
    }

    private void write(String html) {
        ((JavascriptExecutor) browser).executeScript("document.open(); document.write(arguments[0]); document.close();", html);
    }

    private void logIn() throws InterruptedException {
        browser.get(uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/login/totp"));
        browser.findElement(By.id("code")).sendKeys(nextTotpCode(ADMIN));
        browser.findElement(By.id("code")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
