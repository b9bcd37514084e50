package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.Chromium;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/** Chromium on a phone-sized window: the LGSP catalog and the operator pages pass axe (WCAG 2.1 AA) and fit the screen. */
class RegistryBrowserTest extends PlatformTest {

    private static WebDriver browser;

    @Autowired
    TestOfficials officials;
    @Autowired
    ServiceRegistry registry;
    @Autowired
    ServiceCatalogAdministration administration;

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

    private void check(String page) {
        browser.get(uri(page).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
        Chromium.assertAccessible(browser, page);
        Object fits = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
        assertThat(fits).as(page + " fits a phone's width").isEqualTo(Boolean.TRUE);
    }

    @Test
    void theCatalogAndTheOperatorPagesMeetWcag21AAOnAPhone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        administration.registerMember("AX-" + suffix, "Thành viên kiểm tra giao diện", MemberKind.OTHER, null);
        administration.registerSubsystem("AX-" + suffix, "CUNG-CAP", "Hệ thống cung cấp", null);
        RegistrySubsystem consumer = administration.registerSubsystem("AX-" + suffix, "KHAI-THAC", "Hệ thống khai thác", null);
        RegisteredService soap = administration.registerService(ServiceDraft.of(new ServiceAddress("AX-" + suffix, "CUNG-CAP", "ho-tich", "v1"),
                Protocol.SOAP, "Tra cứu hộ tịch (giao diện)", "http://ho-tich.internal/ws").withDocument(RegistryApiTest.WSDL));
        administration.changeState(soap.id(), ServiceState.PUBLISHED, "Kiểm tra giao diện");
        administration.grant(consumer.id(), soap.id(), List.of("TraCuuKhaiSinh"), "Kiểm tra giao diện");
        administration.requestAccess(consumer.id(), soap.id(), List.of("TraCuuKetHon"), "Yêu cầu đang chờ");
        // mutual TLS: the members page lists the registered client certificate with its removal form
        administration.registerClientCertificate(consumer.id(),
                new vn.gov.egov.lgsp.gateway.TestCertificates("CA giao diện " + suffix).client("khai-thac-" + suffix).certificatePem());

        UUID population = registry.service(NationalServices.POPULATION).orElseThrow().id();
        for (String page : List.of("/lgsp/catalog", "/lgsp/catalog?q=cong%20dan&protocol=REST", "/lgsp/catalog/" + population,
                "/lgsp/catalog/" + soap.id(), "/lgsp/catalog?lang=en")) {
            check(page);
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("LGSP service catalog");
        browser.get(uri("/lgsp/catalog?lang=vi").toString());

        knowOfficial(officials.ensure(RegistryApiTest.OPERATOR, "Van-Hanh#LGSP-2025", "Nông Văn Vận Hành",
                new Position(Role.LGSP_OPERATOR, "SO-KHCN", null)));
        Chromium.logInOfficial(browser, uri("").toString(), RegistryApiTest.OPERATOR, passwordOf(RegistryApiTest.OPERATOR),
                nextTotpCode(RegistryApiTest.OPERATOR));
        for (String page : List.of("/lgsp/admin/registry", "/lgsp/admin/registry/services", "/lgsp/admin/registry/services/" + soap.id(),
                "/lgsp/admin/registry/access")) {
            check(page);
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Yêu cầu đang chờ").contains("TraCuuKhaiSinh");
        browser.get(uri("/lgsp/admin/registry").toString());
        assertThat(browser.findElement(By.id("certificates-heading")).getText()).isNotBlank();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("CN=khai-thac-" + suffix);

        // a refused registration: every field's message, still accessible
        browser.get(uri("/lgsp/admin/registry/services").toString());
        browser.findElement(By.id("v-code")).sendKeys("sai ma");
        browser.findElement(By.id("v-endpoint")).sendKeys("ftp://khong-hop-le");
        browser.findElement(By.id("v-code")).submit();
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("endpoint").contains("code");
        Chromium.assertAccessible(browser, "/lgsp/admin/registry/services (refused)");
    }
}
