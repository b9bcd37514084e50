package vn.gov.egov.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logs the demonstration officials in as an official's application would: authorization code with PKCE through the
 * demonstration client {@code cong-dvc-tinh-demo}, the platform's login form (password), then the one-time code
 * (TOTP, RFC 6238) from the demonstration secret of {@code identity/DemoOfficials}. Each code is accepted once per
 * official: log each official in once per run.
 */
final class OfficialTokens {

    /** The demonstration officials' password and one-time-code secret ({@code identity/DemoOfficials}, demo profile). */
    static final String DEMO_PASSWORD = "Demo@2025-CanBo";
    static final String DEMO_TOTP_SECRET = "DEMOCANBOLANGSONMOTCUAXAYDUNGTPQ";

    private OfficialTokens() {
    }

    static String token(URI platform, String username) throws IOException, InterruptedException {
        return token(platform, username, DEMO_PASSWORD, DEMO_TOTP_SECRET);
    }

    /** Any official whose password and one-time-code secret are known (e.g. the demonstration's bootstrap admin). */
    static String token(URI platform, String username, String password, String totpSecret) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(CitizenTokens.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = platform.resolve("/oauth2/authorize?response_type=code&client_id=" + CitizenTokens.CLIENT_ID
                + "&scope=openid&state=bench&redirect_uri=" + URLEncoder.encode(CitizenTokens.REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        browser.send(HttpRequest.newBuilder(authorize).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> afterPassword = submit(browser, platform.resolve("/login"),
                Map.of("username", username, "password", password));
        String next = afterPassword.headers().firstValue("Location").orElse("");
        if (!next.endsWith("/login/totp")) {
            throw new IllegalStateException("password step of " + username + " ended at '" + next + "' (" + afterPassword.statusCode() + ")");
        }
        HttpResponse<String> afterCode = submit(browser, platform.resolve("/login/totp"), Map.of("code", currentCode(totpSecret)));
        URI resumed = platform.resolve(afterCode.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("one-time code of " + username + " refused: " + afterCode.statusCode())));
        String location = "";
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(resumed).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 302) {
            location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(CitizenTokens.REDIRECT)) {
                break;
            }
            resumed = resumed.resolve(location);
            response = browser.send(HttpRequest.newBuilder(resumed).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no authorization code for " + username + ", ended at " + resumed + " -> " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CitizenTokens.CLIENT_ID);
        exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", CitizenTokens.REDIRECT);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(platform.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (!value.find()) {
            throw new IllegalStateException("no access token for " + username + ": " + token.statusCode() + " " + token.body());
        }
        return value.group(1);
    }

    /** Fetches the form page for its CSRF token, then posts the fields with it. */
    private static HttpResponse<String> submit(HttpClient browser, URI page, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(page).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (" + form.statusCode() + ")");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return browser.send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String currentCode(String base32Secret) {
        return totp(base32Secret, Instant.now().getEpochSecond() / 30);
    }

    /** RFC 6238 with HMAC-SHA1, six digits, 30-second steps. */
    static String totp(String base32Secret, long step) {
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
            int value = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
