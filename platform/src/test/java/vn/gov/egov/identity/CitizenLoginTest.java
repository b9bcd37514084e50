package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/** A citizen logs in through the (simulated) national identity system VNeID and sees their own account. */
class CitizenLoginTest extends PlatformTest {

    private static final String SIMULATOR_PASSWORD = "MoPhong@2025";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Citizens citizens;

    @Autowired
    ObjectMapper json;

    @Test
    void aCitizenLogsInWithVneidAndSeesTheirProfileWithPersonalDataMasked() throws Exception {
        JsonNode person = identity(i -> !i.hasNonNull("business"));
        String personalId = person.get("personalId").asString();
        HttpClient browser = browser();

        HttpResponse<String> my = logIn(browser, personalId);

        assertThat(my.statusCode()).isEqualTo(200);
        assertThat(my.body()).contains(person.get("fullName").asString())
                .contains(personalId.substring(0, 3) + "******" + personalId.substring(9))
                .doesNotContain(personalId);
        String sealed = jdbc.sql("SELECT personal_id_sealed || coalesce(address_sealed, '') || coalesce(phone_sealed, '') FROM citizen_account WHERE full_name = ?")
                .param(person.get("fullName").asString()).query(String.class).single();
        assertThat(sealed).doesNotContain(personalId).startsWith("pd1:");

        logIn(browser(), personalId);
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_account WHERE full_name = ?").param(person.get("fullName").asString())
                .query(Long.class).single()).as("one person, one account").isEqualTo(1);
    }

    @Test
    void aBusinessRepresentativeSeesTheBusinessesTheyRepresent() throws Exception {
        JsonNode representative = identity(i -> i.hasNonNull("business"));
        JsonNode business = representative.get("business");

        HttpResponse<String> my = logIn(browser(), representative.get("personalId").asString());

        assertThat(my.body()).contains(business.get("taxCode").asString()).contains(business.get("name").asString());
        java.util.UUID account = jdbc.sql("SELECT id FROM citizen_account WHERE full_name = ?")
                .param(representative.get("fullName").asString()).query(java.util.UUID.class).single();
        assertThat(citizens.represents(account, business.get("taxCode").asString())).isTrue();
        assertThat(citizens.represents(account, "0100109106")).as("a business they do not represent").isFalse();
        assertThat(citizens.byAccountId(account).orElseThrow().maskedPersonalId()).contains("******");
    }

    @Test
    void theSimulatorRefusesAWrongPasswordAndThePlatformStaysLoggedOut() throws Exception {
        HttpClient browser = browser();
        URI vneidLogin = toSimulatorLogin(browser);
        HttpResponse<String> refused = postSimulatorLogin(browser, vneidLogin, identity(i -> true).get("personalId").asString(), "sai-mat-khau");

        assertThat(refused.headers().firstValue("Location").orElse("")).contains("error");
        HttpResponse<String> my = browser.send(HttpRequest.newBuilder(platform("/my")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(my.statusCode()).isEqualTo(302);
        assertThat(my.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpResponse<String> logIn(HttpClient browser, String personalId) throws Exception {
        URI vneidLogin = toSimulatorLogin(browser);
        HttpResponse<String> afterLogin = postSimulatorLogin(browser, vneidLogin, personalId, SIMULATOR_PASSWORD);
        HttpResponse<String> response = afterLogin;
        for (int hops = 0; hops < 6 && response.statusCode() == 302; hops++) {
            URI next = vneidLogin.resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.uri().getPath()).as(response.body()).isEqualTo("/my");
        return response;
    }

    /** Platform → "log in with VNeID" → the simulator's authorization endpoint → its login page. */
    private URI toSimulatorLogin(HttpClient browser) throws Exception {
        URI next = platform("/oauth2/authorization/vneid");
        for (int hops = 0; hops < 5; hops++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                assertThat(next.getPath()).endsWith("/login");
                return next;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("never reached the VNeID login page");
    }

    private HttpResponse<String> postSimulatorLogin(HttpClient browser, URI loginPage, String personalId, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(loginPage).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", personalId);
        fields.put("password", password);
        fields.put("_csrf", csrf.group(1));
        return browser.send(HttpRequest.newBuilder(loginPage).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode identity(java.util.function.Predicate<JsonNode> which) throws Exception {
        String identities = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/vneid/test-identities")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode root = json.readTree(identities);
        JsonNode list = root.isArray() ? root : root.get("identities");
        for (JsonNode identity : list) {
            if (which.test(identity)) {
                return identity;
            }
        }
        throw new AssertionError("no such test identity in " + identities);
    }

    private URI platform(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
