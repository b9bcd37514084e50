package vn.gov.national.simulator.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.national.simulator.NationalSimulatorApplication;

/** The simulated VNeID as a relying party sees it: discovery, authorization code + PKCE, tokens, userinfo, logout. */
class VneidOidcProviderTest {

    static final String REDIRECT_URI = "http://localhost:18080/login/oauth2/code/vneid";

    static final String PUBLIC_REDIRECT_URI = "http://127.0.0.1:8080/callback";

    static final String POST_LOGOUT_URI = "http://localhost:18080/";

    static final String SCOPES = "openid profile email phone address vneid.identity vneid.business";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext simulator;

    static String base;

    static String issuer;

    @BeforeAll
    static void start() {
        simulator = NationalSimulatorApplication.start("--server.port=0",
                // the demo client egov-platform, with only its redirect URIs changed (id and secret are the defaults)
                "--sim.vneid.clients[0].redirect-uris=" + REDIRECT_URI,
                "--sim.vneid.clients[0].post-logout-redirect-uris=" + POST_LOGOUT_URI,
                "--sim.vneid.clients[1].client-id=mobile-app",
                "--sim.vneid.clients[1].public-client=true",
                "--sim.vneid.clients[1].redirect-uris=" + PUBLIC_REDIRECT_URI,
                "--sim.vneid.clients[1].scopes=openid,profile");
        int port = ((WebServerApplicationContext) simulator).getWebServer().getPort();
        base = "http://localhost:" + port;
        issuer = base + "/vneid";
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void discoveryDocumentDescribesTheProviderUnderVneid() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> response = browser.getJson(URI.create(issuer + "/.well-known/openid-configuration"), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer);
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer + "/oauth2/jwks");
        assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(issuer + "/userinfo");
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
        assertThat(strings(discovery.get("scopes_supported")))
                .containsExactlyInAnyOrder("openid", "profile", "email", "phone", "address", "vneid.identity", "vneid.business");
        assertThat(strings(discovery.get("claims_supported")))
                .contains("sub", "personal_id", "name", "birthdate", "gender", "address", "phone_number", "email", "identity_level");
        assertThat(strings(discovery.get("response_types_supported"))).contains("code");
        assertThat(strings(discovery.get("grant_types_supported"))).contains("authorization_code", "refresh_token");
        assertThat(strings(discovery.get("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(strings(discovery.get("id_token_signing_alg_values_supported"))).contains("RS256");
        assertThat(strings(discovery.get("token_endpoint_auth_methods_supported")))
                .contains("client_secret_basic", "none");

        // RFC 8414 metadata for an issuer with a path
        HttpResponse<String> metadata = browser.getJson(URI.create(base + "/.well-known/oauth-authorization-server/vneid"), null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metadata.body()).get("issuer").asString()).isEqualTo(issuer);

        // the provider lives only under /vneid: nothing at the simulator's root or under another system's path
        assertThat(browser.getJson(URI.create(base + "/.well-known/openid-configuration"), null).statusCode()).isEqualTo(404);
        assertThat(browser.getJson(URI.create(base + "/paygov/.well-known/openid-configuration"), null).statusCode()).isEqualTo(404);
        assertThat(browser.getJson(URI.create(issuer + "/khac/.well-known/openid-configuration"), null).body())
                .doesNotContain("\"issuer\"");

        HttpResponse<String> jwks = browser.getJson(URI.create(issuer + "/oauth2/jwks"), null);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0)).isInstanceOf(RSAKey.class);
        assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
    }

    @Test
    void authorizationCodeFlowWithPkceGivesSignedIdTokenWithTheIdentitysClaims() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        String state = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, SCOPES, pkce, state, nonce, "020192999002");
        Map<String, String> callback = Browser.queryParameters(code);
        assertThat(callback).containsEntry("state", state).containsKey("code");

        HttpResponse<String> token = exchange(browser, callback.get("code"), REDIRECT_URI, pkce.verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(token.body());
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("scope").asString().split(" ")).containsExactlyInAnyOrder(SCOPES.split(" "));
        assertThat(tokens.has("refresh_token")).isTrue();

        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet jwks = JWKSet.parse(browser.getJson(URI.create(issuer + "/oauth2/jwks"), null).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key).as("signing key in the JWKS").isNotNull();
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getAudience()).containsExactly("egov-platform");
        assertThat(claims.getStringClaim("nonce")).isEqualTo(nonce);
        assertThat(claims.getSubject()).isEqualTo("sim-64b574d4-5ceb-4fee-a8dc-736be94711fa").doesNotContain("020192999002");
        assertThat(claims.getStringClaim("personal_id")).isEqualTo("020192999002");
        assertThat(claims.getStringClaim("name")).isEqualTo("Hoàng Thị Bích");
        assertThat(claims.getStringClaim("birthdate")).isEqualTo("1992-07-25");
        assertThat(claims.getStringClaim("gender")).isEqualTo("female");
        assertThat(claims.getJSONObjectClaim("address")).containsEntry("formatted", "Số 8, khối 4, Phường Kỳ Lừa, tỉnh Lạng Sơn")
                .containsEntry("country", "VN");
        assertThat(claims.getStringClaim("phone_number")).isEqualTo("0983999002");
        assertThat(claims.getStringClaim("email")).isEqualTo("hoangthibich@vneid-mophong.example");
        assertThat(claims.getLongClaim("identity_level")).isEqualTo(2L);
        List<Object> representativeOf = claims.getListClaim("representative_of");
        assertThat(representativeOf).hasSize(1);
        assertThat(((Map<?, ?>) representativeOf.get(0)).get("tax_code")).isEqualTo("4999000101");
        assertThat(claims.getExpirationTime()).isInTheFuture();

        // userinfo returns the same claims for the access token
        String accessToken = tokens.get("access_token").asString();
        HttpResponse<String> userInfo = browser.getJson(URI.create(issuer + "/userinfo"), accessToken);
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode info = JSON.readTree(userInfo.body());
        for (String claim : List.of("sub", "personal_id", "name", "birthdate", "gender", "phone_number", "email")) {
            assertThat(info.get(claim).asString()).as(claim).isEqualTo(claims.getStringClaim(claim));
        }
        assertThat(info.get("identity_level").asInt()).isEqualTo(2);
        assertThat(info.get("address").get("formatted").asString()).isEqualTo("Số 8, khối 4, Phường Kỳ Lừa, tỉnh Lạng Sơn");
        assertThat(info.get("representative_of").get(0).get("tax_code").asString()).isEqualTo("4999000101");

        // the code is single-use: a replay is refused, and the tokens it gave are revoked
        HttpResponse<String> replay = exchange(browser, callback.get("code"), REDIRECT_URI, pkce.verifier);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(browser.getJson(URI.create(issuer + "/userinfo"), accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void scopesLimitTheClaimsAndAnIdentityWithoutEmailHasNone() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, "openid profile email", pkce, "s", "n",
                "020203999005");
        HttpResponse<String> token = exchange(browser, Browser.queryParameters(code).get("code"), REDIRECT_URI, pkce.verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(JSON.readTree(token.body()).get("id_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("name")).isEqualTo("Nông Văn Đức");
        assertThat(claims.getStringClaim("gender")).isEqualTo("male");
        assertThat(claims.getClaims()).doesNotContainKeys("personal_id", "identity_level", "address", "phone_number",
                "email", "representative_of");
    }

    @Test
    void aWrongPkceVerifierIsRefused() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, SCOPES, pkce, "s", "n", "020085999001");
        HttpResponse<String> token = exchange(browser, Browser.queryParameters(code).get("code"), REDIRECT_URI,
                new Pkce().verifier);
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(token.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(token.body()).doesNotContain("id_token");
    }

    @Test
    void aMissingPkceVerifierIsRefused() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, SCOPES, pkce, "s", "n", "020085999001");
        HttpResponse<String> token = browser.postForm(URI.create(issuer + "/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", Browser.queryParameters(code).get("code"),
                "redirect_uri", REDIRECT_URI), "egov-platform", "egov-platform-secret");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).doesNotContain("access_token");
    }

    @Test
    void anUnregisteredRedirectUriIsRefusedWithoutRedirecting() throws Exception {
        Browser browser = new Browser();
        logIn(browser, "020085999001");
        for (String redirectUri : List.of("http://evil.example/login/oauth2/code/vneid",
                "http://localhost:18081/login/oauth2/code/vneid", REDIRECT_URI + "/extra")) {
            HttpResponse<String> response = browser.get(authorizeUri("egov-platform", redirectUri, SCOPES, new Pkce(), "s", "n"));
            assertThat(response.statusCode()).as(redirectUri).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(redirectUri).isEmpty();
        }
    }

    @Test
    void theTokenEndpointRefusesAWrongClientSecret() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, SCOPES, pkce, "s", "n", "020085999001");
        HttpResponse<String> token = browser.postForm(URI.create(issuer + "/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", Browser.queryParameters(code).get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier), "egov-platform", "wrong");
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(token.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void aPublicClientMustUsePkceAndMayUseAnyLoopbackPort() throws Exception {
        Browser browser = new Browser();
        logIn(browser, "020301999004");
        // no code_challenge: refused with an error sent back to the (valid) redirect URI
        URI noPkce = URI.create(issuer + "/oauth2/authorize?response_type=code&client_id=mobile-app&scope=openid"
                + "&state=s&redirect_uri=" + URLEncoder.encode(PUBLIC_REDIRECT_URI, StandardCharsets.UTF_8));
        HttpResponse<String> refused = browser.get(noPkce);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.queryParameters(Browser.location(refused))).containsEntry("error", "invalid_request");

        // with PKCE, on another port of the loopback IP (RFC 8252), without a secret
        String redirectUri = "http://127.0.0.1:45678/callback";
        Pkce pkce = new Pkce();
        HttpResponse<String> authorized = browser.get(authorizeUri("mobile-app", redirectUri, "openid profile", pkce, "s", "n"));
        assertThat(authorized.statusCode()).isEqualTo(302);
        URI callback = Browser.location(authorized);
        assertThat(callback.toString()).startsWith(redirectUri + "?code=");
        HttpResponse<String> token = browser.postForm(URI.create(issuer + "/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "client_id", "mobile-app",
                "code", Browser.queryParameters(callback).get("code"), "redirect_uri", redirectUri,
                "code_verifier", pkce.verifier), null, null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(JSON.readTree(token.body()).get("id_token").asString()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("mobile-app");
        assertThat(claims.getStringClaim("name")).isEqualTo("Vi Thị Dung");
        assertThat(JSON.readTree(token.body()).has("refresh_token")).isFalse();
    }

    @Test
    void theLoginPageSaysItIsASimulatorAndRefusesAWrongPassword() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(URI.create(issuer + "/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TRÌNH MÔ PHỎNG – không phải hệ thống thật")
                .contains("MoPhong@2025")
                .contains("Hoàng Thị Bích").contains("Lăng Thị Quyên")
                .contains("type=\"radio\" name=\"username\"")
                .contains("id=\"so-dinh-danh\"");

        HttpResponse<String> wrong = browser.postForm(URI.create(issuer + "/login"), Map.of(
                "username", "020085999001", "password", "sai-mat-khau", "_csrf", Browser.csrfToken(page.body())), null, null);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(Browser.location(wrong).toString()).endsWith("/vneid/login?error");

        HttpResponse<String> unknown = browser.postForm(URI.create(issuer + "/login"), Map.of(
                "username", "020085000000", "password", "MoPhong@2025",
                "_csrf", Browser.csrfToken(browser.get(URI.create(issuer + "/login")).body())), null, null);
        assertThat(Browser.location(unknown).toString()).endsWith("/vneid/login?error");

        // CSRF is on: a login without the token is refused
        HttpResponse<String> noCsrf = browser.postForm(URI.create(issuer + "/login"), Map.of(
                "username", "020085999001", "password", "MoPhong@2025"), null, null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void rpInitiatedLogoutEndsTheVneidSessionAndReturnsToTheClient() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        URI code = logInAndAuthorize(browser, "egov-platform", REDIRECT_URI, SCOPES, pkce, "s", "n", "020188999010");
        String idToken = JSON.readTree(exchange(browser, Browser.queryParameters(code).get("code"), REDIRECT_URI,
                pkce.verifier).body()).get("id_token").asString();

        HttpResponse<String> logout = browser.get(URI.create(issuer + "/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode(POST_LOGOUT_URI, StandardCharsets.UTF_8) + "&state=bye"));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout).toString()).isEqualTo(POST_LOGOUT_URI + "?state=bye");

        // the VNeID session is gone: a new authorization request asks to log in again
        HttpResponse<String> again = browser.get(authorizeUri("egov-platform", REDIRECT_URI, SCOPES, new Pkce(), "s", "n"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(Browser.location(again).getPath()).isEqualTo("/vneid/login");
    }

    @Test
    void testIdentitiesAreListedInFullAndAreConsistent() throws Exception {
        HttpResponse<String> response = new Browser().getJson(URI.create(issuer + "/test-identities"), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("simulator").asBoolean()).isTrue();
        assertThat(body.get("notice").asString()).contains("TRÌNH MÔ PHỎNG");
        assertThat(body.get("password").asString()).isEqualTo("MoPhong@2025");
        JsonNode identities = body.get("identities");
        assertThat(identities.size()).isBetween(8, 15);
        int representatives = 0;
        int level1 = 0;
        for (JsonNode identity : identities) {
            String personalId = identity.get("personalId").asString();
            assertThat(PersonalIdentificationNumber.isConsistent(personalId,
                    LocalDate.parse(identity.get("birthDate").asString()), identity.get("gender").asString()))
                    .as(personalId).isTrue();
            assertThat(personalId).startsWith("020");
            assertThat(identity.get("sub").asString()).doesNotContain(personalId);
            assertThat(identity.get("phoneNumber").asString()).matches("09\\d{8}");
            assertThat(identity.get("address").get("province").asString()).isEqualTo("tỉnh Lạng Sơn");
            if (identity.hasNonNull("business")) {
                representatives++;
                assertThat(identity.get("business").get("taxCode").asString()).matches("\\d{10}");
            }
            if (identity.get("identityLevel").asInt() == 1) {
                level1++;
            }
        }
        assertThat(representatives).isBetween(1, 2);
        assertThat(level1).isPositive();
    }

    @Test
    void theSimulatorListsVneidAsAvailableAndLeavesOtherSystemsOpen() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> info = browser.getJson(URI.create(base + "/simulator"), null);
        JsonNode vneid = JSON.readTree(info.body()).get("systems").valueStream()
                .filter(system -> system.get("code").asString().equals("vneid")).findFirst().orElseThrow();
        assertThat(vneid.get("status").asString()).isEqualTo("available");

        HttpResponse<String> home = browser.get(URI.create(issuer));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("TRÌNH MÔ PHỎNG – không phải hệ thống thật").contains("/vneid/.well-known/openid-configuration");

        // VNeID's security covers /vneid only: other simulated systems get no login redirect and no CSRF check
        HttpResponse<String> other = browser.postForm(URI.create(base + "/paygov/khong-co"), Map.of("a", "b"), null, null);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(browser.getJson(URI.create(base + "/actuator/health"), null).body()).contains("UP");
    }

    // ---- helpers

    static List<String> strings(JsonNode array) {
        assertThat(array).as("JSON array").isNotNull();
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static URI authorizeUri(String clientId, String redirectUri, String scope, Pkce pkce, String state, String nonce) {
        return URI.create(issuer + "/oauth2/authorize?response_type=code"
                + "&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + pkce.challenge + "&code_challenge_method=S256");
    }

    /** GET authorize → login page → POST login (CSRF) → back to authorize → redirect with the code. */
    static URI logInAndAuthorize(Browser browser, String clientId, String redirectUri, String scope, Pkce pkce,
            String state, String nonce, String personalId) throws Exception {
        HttpResponse<String> authorize = browser.get(authorizeUri(clientId, redirectUri, scope, pkce, state, nonce));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        URI loginPage = Browser.location(authorize);
        assertThat(loginPage.getPath()).isEqualTo("/vneid/login");
        HttpResponse<String> page = browser.get(loginPage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TRÌNH MÔ PHỎNG – không phải hệ thống thật");
        HttpResponse<String> login = browser.postForm(URI.create(issuer + "/login"), Map.of(
                "username", personalId, "password", "MoPhong@2025", "_csrf", Browser.csrfToken(page.body())), null, null);
        assertThat(login.statusCode()).isEqualTo(302);
        URI resumed = Browser.location(login);
        assertThat(resumed.getPath()).as("back to the authorization endpoint").isEqualTo("/vneid/oauth2/authorize");
        HttpResponse<String> authorized = browser.get(resumed);
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI callback = Browser.location(authorized);
        assertThat(callback.toString()).as("no consent page: straight back to the client").startsWith(redirectUri + "?");
        return callback;
    }

    static void logIn(Browser browser, String personalId) throws Exception {
        HttpResponse<String> page = browser.get(URI.create(issuer + "/login"));
        HttpResponse<String> login = browser.postForm(URI.create(issuer + "/login"), Map.of(
                "username", personalId, "password", "MoPhong@2025", "_csrf", Browser.csrfToken(page.body())), null, null);
        assertThat(Browser.location(login).getPath()).isEqualTo("/vneid");
    }

    static HttpResponse<String> exchange(Browser browser, String code, String redirectUri, String verifier) throws Exception {
        return browser.postForm(URI.create(issuer + "/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier), "egov-platform", "egov-platform-secret");
    }

    static final class Pkce {

        final String verifier;

        final String challenge;

        Pkce() throws Exception {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
