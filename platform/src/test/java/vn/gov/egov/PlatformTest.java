package vn.gov.egov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole platform on a random port and a fresh embedded PostgreSQL, shared by
 * every subclass through Spring's context cache (keep subclasses free of their own context configuration).
 * Officials log in as in production: password, then a one-time code; API calls carry their SSO access token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.active=test"})
public abstract class PlatformTest {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "Lang-Son#Quan-Tri-2025";
    public static final String ADMIN_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    public static final String AUDITOR = "test-auditor";
    public static final String AUDITOR_PASSWORD = "Lang-Son#Kiem-Toan-2025";
    public static final String AUDITOR_TOTP_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());
    private static final String TEST_CLIENT = "platform-tests";
    private static final Map<String, Long> LAST_TOTP_STEP = new ConcurrentHashMap<>();
    private static final Map<String, TestOfficial> OFFICIALS = new ConcurrentHashMap<>(Map.of(
            ADMIN, new TestOfficial(ADMIN, ADMIN_PASSWORD, ADMIN_TOTP_SECRET),
            AUDITOR, new TestOfficial(AUDITOR, AUDITOR_PASSWORD, AUDITOR_TOTP_SECRET)));

    /** An official the tests can log in as: password and the one-time-code secret. */
    public record TestOfficial(String username, String password, String totpSecret) {
    }

    /** Lets the test helpers log in as an official that a test created. */
    protected static void knowOfficial(TestOfficial official) {
        OFFICIALS.put(official.username(), official);
    }
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant obtained) {
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private RegisteredClientRepository registeredClients;

    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The simulated national systems (VNeID …), started once for all the tests, on a random port. */
    private static volatile org.springframework.context.ConfigurableApplicationContext simulator;

    protected static synchronized int simulatorPort() {
        if (simulator == null) {
            // it shares the platform's class path here: keep the platform's database and module machinery out of it
            simulator = vn.gov.national.simulator.NationalSimulatorApplication.start("--server.port=0",
                    "--spring.autoconfigure.exclude=" + autoConfigurationsFrom("spring-modulith", "flyway", "spring-boot-jdbc",
                            "spring-boot-flyway", "spring-boot-data-jdbc", "flowable-spring-boot-autoconfigure"));
        }
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) simulator).getWebServer().getPort();
    }

    /** The test mail server (SMTP), started once for all the tests, on a random port. */
    private static volatile com.icegreen.greenmail.util.GreenMail mailServer;

    public static synchronized com.icegreen.greenmail.util.GreenMail mailServer() {
        if (mailServer == null) {
            com.icegreen.greenmail.util.GreenMail server = new com.icegreen.greenmail.util.GreenMail(
                    new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
            server.start();
            mailServer = server;
        }
        return mailServer;
    }

    private static String autoConfigurationsFrom(String... jarNames) {
        try {
            java.util.List<String> classes = new java.util.ArrayList<>();
            var resources = PlatformTest.class.getClassLoader()
                    .getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            while (resources.hasMoreElements()) {
                java.net.URL url = resources.nextElement();
                if (java.util.Arrays.stream(jarNames).anyMatch(url.toString()::contains)) {
                    try (var in = url.openStream()) {
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(classes::add);
                    }
                }
            }
            return String.join(",", classes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        registry.add("egov.vneid.enabled", () -> "true");
        registry.add("egov.vneid.issuer", () -> "http://127.0.0.1:" + simulatorPort() + "/vneid");
        registry.add("egov.vneid.client-id", () -> "egov-platform");
        registry.add("egov.vneid.client-secret", () -> "egov-platform-secret");
        registry.add("egov.national.procedures.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/national-procedures");
        registry.add("egov.national.population.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/population");
        registry.add("egov.national.business-registry.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/business-registry");
        registry.add("egov.national.portal.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/national-portal");
        registry.add("egov.national.vnpost.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/vnpost");
        registry.add("egov.national.document-backbone.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/document-backbone");
        registry.add("egov.national.sms.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/sms");
        registry.add("egov.national.paygov.base-url", () -> "http://127.0.0.1:" + simulatorPort() + "/paygov");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mailServer().getSmtp().getPort());
        registry.add("egov.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        registry.add("egov.security.bootstrap-admin.username", () -> ADMIN);
        registry.add("egov.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("egov.security.bootstrap-admin.totp-secret", () -> ADMIN_TOTP_SECRET);
        registry.add("egov.security.bootstrap-auditor.username", () -> AUDITOR);
        registry.add("egov.security.bootstrap-auditor.password", () -> AUDITOR_PASSWORD);
        registry.add("egov.security.bootstrap-auditor.totp-secret", () -> AUDITOR_TOTP_SECRET);
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request as the province administrator, with an access token from the province's SSO. */
    protected HttpResponse<String> asAdmin(String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        return as(ADMIN, method, pathAndQuery, contentType, body);
    }

    protected HttpResponse<String> as(String username, String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = sendAs(accessToken(username), method, pathAndQuery, contentType, body);
        if (response.statusCode() == 401) {
            // another test class may have revoked this official's tokens (a logout, a locked account): take a fresh one once
            TOKENS.remove(username + "@" + port);
            response = sendAs(accessToken(username), method, pathAndQuery, contentType, body);
        }
        return response;
    }

    private HttpResponse<String> sendAs(String token, String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected static String passwordOf(String username) {
        return OFFICIALS.get(username).password();
    }

    /** The next one-time code of a test official: each code is accepted once, so a later login waits for a new one. */
    protected static synchronized String nextTotpCode(String username) throws InterruptedException {
        String secret = OFFICIALS.get(username).totpSecret();
        while (true) {
            long current = Instant.now().getEpochSecond() / 30;
            // never the previous step: the server's clock may pass a step boundary before it checks the code
            long step = Math.max(current, LAST_TOTP_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
            if (step <= current + 1) {
                LAST_TOTP_STEP.put(username, step);
                return totp(secret, step);
            }
            Thread.sleep(1000);
        }
    }

    /** An access token for a test official, obtained as an application would: authorization code with PKCE. */
    protected String accessToken(String username) throws IOException, InterruptedException {
        Token cached = TOKENS.get(username + "@" + port);
        if (cached != null && cached.obtained().plus(Duration.ofMinutes(5)).isAfter(Instant.now())) {
            return cached.value();
        }
        String redirect = "http://localhost:" + port + "/test-callback";
        if (registeredClients.findByClientId(TEST_CLIENT) == null) {
            registeredClients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(TEST_CLIENT)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirect).scope("openid")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build()).build());
        }
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + TEST_CLIENT + "&scope=openid&state=s"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        String location = logInThrough(username, authorize);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", TEST_CLIENT,
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String value = accessTokenIn(token.body());
        TOKENS.put(username + "@" + port, new Token(value, Instant.now()));
        return value;
    }

    /**
     * A person's browser: the authorization request sends it to the login page; password, then one-time code,
     * then back to the authorization request, which answers with a redirect to the application. Returns that URL.
     */
    protected String logInThrough(String username, String authorizePath) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> first = browser.send(HttpRequest.newBuilder(uri(authorizePath)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> afterPassword = postForm(browser, "/login",
                Map.of("username", username, "password", passwordOf(username)));
        assertThat(afterPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login/totp");
        HttpResponse<String> afterCode = postForm(browser, "/login/totp", Map.of("code", nextTotpCode(username)));
        String resumed = afterCode.headers().firstValue("Location").orElseThrow(() -> new AssertionError(afterCode.body()));
        HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(uri("").resolve(resumed)).build(),
                HttpResponse.BodyHandlers.ofString());
        return authorized.headers().firstValue("Location").orElseThrow(() -> new AssertionError(authorized.statusCode() + authorized.body()));
    }

    /** Fetches the form page for its CSRF token, then posts the fields with it. */
    protected HttpResponse<String> postForm(HttpClient browser, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return submit(browser, path, path, fields);
    }

    private HttpResponse<String> submit(HttpClient browser, String path, String formPage, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri(formPage)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A browser session on the pages: cookies, and CSRF tokens taken from the page that holds the form. */
    protected final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        public Browser() {
            // one session per browser
        }

        /** Password, then the one-time code, as an official logs in. */
        public void logIn(String username) throws IOException, InterruptedException {
            HttpResponse<String> passwordStep = post("/login", "/login", Map.of("username", username, "password", passwordOf(username)));
            assertThat(passwordStep.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/totp"));
            HttpResponse<String> loggedIn = post("/login/totp", "/login/totp", Map.of("code", nextTotpCode(username)));
            assertThat(loggedIn.statusCode()).isEqualTo(302);
            assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        }

        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        public HttpResponse<String> post(String path, String formPage, Map<String, String> fields) throws IOException, InterruptedException {
            return submit(client, path, formPage, fields);
        }

        public HttpClient client() {
            return client;
        }
    }

    protected static String accessTokenIn(String tokenResponse) {
        Matcher value = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokenResponse);
        assertThat(value.find()).as(tokenResponse).isTrue();
        return value.group(1);
    }

    protected static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** RFC 6238, written again here so that the tests check the platform against an independent implementation. */
    protected static String totp(String base32Secret, long step) {
        try {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            ByteBuffer key = ByteBuffer.allocate(base32Secret.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : base32Secret.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    key.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.array(), 0, key.position(), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0xf;
            int value = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulated VNeID's password of every test identity. */
    protected static final String VNEID_PASSWORD = "MoPhong@2025";

    /** A browser session of a citizen logged in through the simulated VNeID (cookies kept, redirects not followed). */
    protected HttpClient citizenSession(String personalId) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/vneid");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 302) {
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        response = postVneidLogin(browser, next, response.body(), personalId);
        for (int hops = 0; hops < 8 && response.statusCode() == 302; hops++) {
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200 || !next.getPath().equals("/my")) {
            throw new IllegalStateException("citizen login ended at " + next + " with " + response.statusCode());
        }
        return browser;
    }

    /**
     * A citizen's access token from the province's SSO (code + PKCE for a public test application), the citizen
     * logging in through the simulated VNeID: what a portal or mobile application of the province holds.
     */
    protected String citizenToken(String personalId) throws IOException, InterruptedException {
        String clientId = "test-citizen-app";
        String redirect = "http://127.0.0.1:" + port + "/test-citizen-callback";
        if (registeredClients.findByClientId(clientId) == null) {
            registeredClients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).redirectUri(redirect).scope("openid")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build()).build());
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        URI platform = URI.create("http://127.0.0.1:" + port);
        browser.send(HttpRequest.newBuilder(platform.resolve("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&scope=openid&state=t&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        URI next = platform.resolve("/oauth2/authorization/vneid");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 302) {
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        response = postVneidLogin(browser, next, response.body(), personalId);
        String location = "";
        while (response.statusCode() == 302) {
            location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(redirect)) {
                break;
            }
            next = next.resolve(location);
            response = browser.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no authorization code for the citizen, ended at " + location);
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", clientId,
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        return accessTokenIn(token.body());
    }

    private static HttpResponse<String> postVneidLogin(HttpClient browser, URI loginPage, String page, String personalId)
            throws IOException, InterruptedException {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no VNeID login form at " + loginPage);
        }
        return browser.send(HttpRequest.newBuilder(loginPage).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", personalId, "password", VNEID_PASSWORD,
                        "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The simulated VNeID's test identities (JSON). */
    protected String vneidTestIdentities() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/vneid/test-identities")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
