package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/**
 * Officials made for these tests straight in the store (not through the rules under test), a browser with cookies,
 * and their SSO tokens. The bootstrap administrator and auditor still go through the test base, which keeps their
 * one-time codes in step with the other tests.
 */
abstract class OfficialsTestSupport extends PlatformTest {

    static final String PASSWORD = "Thu-Nghiem#Can-Bo-2025";
    static final String SECRET = "OFFICIALSTESTSECRETAAAAAAAAAAAAA";
    private static final String CLIENT = "officials-tests";
    /** Officials made here: user name → current password (a test may change it). */
    private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Browser> SESSIONS = new ConcurrentHashMap<>();
    private static final Set<String> BASE_OFFICIALS = Set.of(ADMIN, AUDITOR);

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    OfficialLogin login;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegisteredClientRepository clients;

    /** An official holding this position (created once; later calls return the same account). */
    String official(String username, Role role, String agencyCode) {
        if (accounts.byUsername(username).isEmpty()) {
            var id = accounts.create(username, "Cán bộ thử " + username, null, passwords.encode(PASSWORD),
                    login.sealTotpSecret(username, SECRET), "test", agencyCode, false);
            accounts.grant(id, new Position(role, agencyCode, null), "test");
        }
        known(username, PASSWORD, SECRET);
        return username;
    }

    /** Tells these tests how to log in as an official (kept when already known: a test may have changed the password). */
    static void known(String username, String password, String secret) {
        PASSWORDS.putIfAbsent(username, password);
        SECRETS.putIfAbsent(username, secret);
    }

    static void passwordChanged(String username, String password) {
        PASSWORDS.put(username, password);
    }

    static String password(String username) {
        return BASE_OFFICIALS.contains(username) ? passwordOf(username) : PASSWORDS.get(username);
    }

    /** The next unused one-time code of the official (each code is accepted once). */
    static String code(String username) throws InterruptedException {
        if (BASE_OFFICIALS.contains(username)) {
            return nextTotpCode(username);
        }
        synchronized (LAST_STEP) {
            while (true) {
                long current = Instant.now().getEpochSecond() / 30;
                long step = Math.max(current - 1, LAST_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
                if (step <= current + 1) {
                    LAST_STEP.put(username, step);
                    return totp(SECRETS.get(username), step);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Calls the API as the official, with an access token obtained the way an application does (code with PKCE). */
    HttpResponse<String> call(String username, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        if (BASE_OFFICIALS.contains(username)) {
            return as(username, method, path, contentType, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token(username))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The next {@link #call} logs in again and gets a new token. */
    void forgetToken(String username) {
        TOKENS.remove(username + "@" + port);
    }

    private String token(String username) throws IOException, InterruptedException {
        Token cached = TOKENS.get(username + "@" + port);
        if (cached != null && cached.obtained().plusSeconds(300).isAfter(Instant.now())) {
            return cached.value();
        }
        String redirect = "http://localhost:" + port + "/officials-tests-callback";
        if (clients.findByClientId(CLIENT) == null || !clients.findByClientId(CLIENT).getRedirectUris().contains(redirect)) {
            RegisteredClient existing = clients.findByClientId(CLIENT);
            clients.save(RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId()).clientId(CLIENT)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirect).scope("openid")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build()).build());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        Browser browser = new Browser();
        HttpResponse<String> toLogin = browser.get("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=openid&state=s"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String resumed = browser.logIn(username).headers().firstValue("Location").orElseThrow();
        String location = browser.get(uri("").resolve(resumed).getRawPath() + "?" + uri("").resolve(resumed).getRawQuery())
                .headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String value = json.readTree(token.body()).get("access_token").asString();
        TOKENS.put(username + "@" + port, new Token(value, Instant.now()));
        return value;
    }

    private record Token(String value, Instant obtained) {
    }

    /**
     * A browser logged in as this official, shared by the tests of this JVM: every login counts towards the
     * per-address throttle ({@link LoginThrottle}), and every test logs in from the same address.
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

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static List<String> pairs(String... keysAndValues) {
        return List.of(keysAndValues);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            HttpResponse<String> password = post("/login", "/login", pairs("username", username, "password", password(username)));
            assertThat(password.headers().firstValue("Location").orElseThrow()).as("password step of " + username).endsWith("/login/totp");
            return post("/login/totp", "/login/totp", pairs("code", code(username)));
        }
    }
}
