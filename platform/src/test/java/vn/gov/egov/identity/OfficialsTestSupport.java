package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/** Officials made for the tests straight in the store (not through the rules under test), and a browser with cookies. */
abstract class OfficialsTestSupport extends PlatformTest {

    static final String PASSWORD = "Thu-Nghiem#Can-Bo-2025";
    static final String SECRET = "OFFICIALSTESTSECRETAAAAAAAAAAAAA";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    OfficialLogin login;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ObjectMapper json;

    /** An official holding these positions (created once; later calls return the same account). */
    String official(String username, Role role, String agencyCode) {
        if (accounts.byUsername(username).isEmpty()) {
            var id = accounts.create(username, "Cán bộ thử " + username, null, passwords.encode(PASSWORD),
                    login.sealTotpSecret(username, SECRET), "test", agencyCode, false);
            accounts.grant(id, new Position(role, agencyCode, null), "test");
        }
        if (KNOWN.add(username)) {
            knownOfficial(username, PASSWORD, SECRET);
        }
        return username;
    }

    /**
     * A browser logged in as this official, shared by the tests of this JVM: each login counts towards the
     * per-address throttle ({@link LoginThrottle}), which every test logs in from.
     */
    Browser session(String username) throws IOException, InterruptedException {
        Browser browser = SESSIONS.get(username);
        if (browser == null) {
            browser = new Browser();
            browser.logIn(username);
            SESSIONS.put(username, browser);
        }
        return browser;
    }

    private static final java.util.Map<String, Browser> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Officials made here whose password the tests know (a test may change it afterwards). */
    private static final java.util.Set<String> KNOWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static List<String> pairs(String... keysAndValues) {
        return List.of(keysAndValues);
    }

    /** A person's browser: cookies, CSRF tokens from the pages, no automatic redirects. */
    final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Posts the fields (name, value, name, value …) with the CSRF token of the page {@code formPage}. */
        HttpResponse<String> post(String formPage, String action, List<String> fields) throws IOException, InterruptedException {
            HttpResponse<String> page = get(formPage);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on " + formPage + ": " + page.statusCode()).isTrue();
            List<String> all = new ArrayList<>(fields);
            all.add("_csrf");
            all.add(csrf.group(1));
            List<String> encoded = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 2) {
                encoded.add(all.get(i) + "=" + URLEncoder.encode(all.get(i + 1), StandardCharsets.UTF_8));
            }
            return client.send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Referer", uri(formPage).toString())
                            .POST(HttpRequest.BodyPublishers.ofString(encoded.stream().collect(Collectors.joining("&")))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Password, then one-time code: returns the answer to the code (a redirect when the login is complete). */
        HttpResponse<String> logIn(String username) throws IOException, InterruptedException {
            HttpResponse<String> password = post("/login", "/login", pairs("username", username, "password", passwordOf(username)));
            assertThat(password.headers().firstValue("Location").orElseThrow()).as("password step of " + username).endsWith("/login/totp");
            return post("/login/totp", "/login/totp", pairs("code", nextTotpCode(username)));
        }
    }
}
