package vn.gov.egov.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Logs simulated VNeID identities in as a citizen's application would: authorization code with PKCE through the
 * province's SSO, the simulator's login form, then the token endpoint. Uses the demonstration's public client
 * {@code cong-dvc-tinh-demo} (registered by the platform's demo profile).
 */
final class CitizenTokens {

    static final String CLIENT_ID = "cong-dvc-tinh-demo";
    static final String REDIRECT = "http://127.0.0.1/callback";
    static final String VNEID_PASSWORD = "MoPhong@2025";

    /** A simulated VNeID test identity, as the simulator lists it. */
    record Identity(String personalId, String fullName, String birthDate, String gender, String phoneNumber) {
    }

    /** An identity with its access token. */
    record Citizen(Identity identity, String token) {
    }

    private CitizenTokens() {
    }

    static List<Identity> identities(URI simulator, ObjectMapper json) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = http.send(HttpRequest.newBuilder(simulator.resolve("/vneid/test-identities")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        List<Identity> identities = new ArrayList<>();
        for (JsonNode i : json.readTree(body).get("identities")) {
            identities.add(new Identity(i.get("personalId").asString(), i.get("fullName").asString(), i.get("birthDate").asString(),
                    i.get("gender").asString(), i.get("phoneNumber").asString()));
        }
        return identities;
    }

    static String token(URI platform, String personalId) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        browser.send(HttpRequest.newBuilder(platform.resolve("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                        + "&scope=openid&state=bench&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                        + "&code_challenge=" + challenge + "&code_challenge_method=S256")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        URI next = platform.resolve("/oauth2/authorization/vneid");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 302) {
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no VNeID login form at " + next + " (" + response.statusCode() + ")");
        }
        Map<String, String> login = new LinkedHashMap<>();
        login.put("username", personalId);
        login.put("password", VNEID_PASSWORD);
        login.put("_csrf", csrf.group(1));
        response = browser.send(HttpRequest.newBuilder(next).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(login))).build(), HttpResponse.BodyHandlers.ofString());
        String location = "";
        while (response.statusCode() == 302) {
            location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(REDIRECT)) {
                break;
            }
            next = next.resolve(location);
            response = browser.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no authorization code for " + personalId + ", ended at " + next + " -> " + location
                    + " (" + response.statusCode() + "); is the demo client " + CLIENT_ID + " registered (demo profile)?");
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", REDIRECT);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(platform.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (!value.find()) {
            throw new IllegalStateException("no access token for " + personalId + ": " + token.statusCode() + " " + token.body());
        }
        return value.group(1);
    }

    static void requireLoopback(URI uri) {
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("Load is only sent to this machine (localhost), not to " + uri.getHost());
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
