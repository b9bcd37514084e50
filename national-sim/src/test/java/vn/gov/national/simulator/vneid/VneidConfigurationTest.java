package vn.gov.national.simulator.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.national.simulator.NationalSimulatorApplication;

/** A fixed issuer, a configured signing key, and configuration mistakes that stop the simulator at start. */
class VneidConfigurationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String FIXED_ISSUER = "https://vneid.mo-phong.test/vneid";

    static final String REDIRECT_URI = "https://egov.mo-phong.test/login/oauth2/code/vneid";

    @Test
    void aFixedIssuerAndAConfiguredSigningKeyAreUsed(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("khoa-thu-nghiem").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        Path keyFile = dir.resolve("vneid-key.json");
        Files.writeString(keyFile, key.toJSONString());
        try (ConfigurableApplicationContext simulator = NationalSimulatorApplication.start("--server.port=0",
                "--sim.vneid.issuer=" + FIXED_ISSUER, "--sim.vneid.signing-key=" + keyFile.toUri(),
                "--sim.vneid.password=MatKhauKhac1", "--sim.vneid.clients[0].redirect-uris=" + REDIRECT_URI)) {
            String local = "http://localhost:" + ((WebServerApplicationContext) simulator).getWebServer().getPort();
            Browser browser = new Browser();

            JsonNode discovery = JSON.readTree(
                    browser.getJson(URI.create(local + "/vneid/.well-known/openid-configuration"), null).body());
            assertThat(discovery.get("issuer").asString()).isEqualTo(FIXED_ISSUER);
            assertThat(discovery.get("token_endpoint").asString()).isEqualTo(FIXED_ISSUER + "/oauth2/token");
            assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(FIXED_ISSUER + "/oauth2/authorize");

            JWKSet jwks = JWKSet.parse(browser.getJson(URI.create(local + "/vneid/oauth2/jwks"), null).body());
            assertThat(jwks.getKeys()).singleElement().satisfies(jwk -> {
                assertThat(jwk.getKeyID()).isEqualTo("khoa-thu-nghiem");
                assertThat(jwk.isPrivate()).isFalse();
            });

            // the flow, with the browser sent to the fixed issuer's host (rewritten here to the local port)
            VneidOidcProviderTest.Pkce pkce = new VneidOidcProviderTest.Pkce();
            URI authorize = URI.create(local + "/vneid/oauth2/authorize?response_type=code&client_id=egov-platform"
                    + "&scope=openid%20profile%20vneid.identity&state=s&nonce=n&redirect_uri="
                    + java.net.URLEncoder.encode(REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8)
                    + "&code_challenge=" + pkce.challenge + "&code_challenge_method=S256");
            HttpResponse<String> toLogin = browser.get(authorize);
            URI loginPage = Browser.location(toLogin);
            assertThat(loginPage.getPath()).isEqualTo("/vneid/login");
            HttpResponse<String> page = browser.get(URI.create(local + loginPage.getPath()));
            assertThat(page.body()).contains("MatKhauKhac1");
            HttpResponse<String> login = browser.postForm(URI.create(local + "/vneid/login"), Map.of(
                    "username", "020070999011", "password", "MatKhauKhac1", "_csrf", Browser.csrfToken(page.body())),
                    null, null);
            URI resumed = Browser.location(login);
            assertThat(resumed.toString()).startsWith(FIXED_ISSUER + "/oauth2/authorize?");
            HttpResponse<String> authorized = browser.get(URI.create(local + resumed.getRawPath() + "?" + resumed.getRawQuery()));
            URI callback = Browser.location(authorized);
            assertThat(callback.toString()).startsWith(REDIRECT_URI + "?code=");
            HttpResponse<String> token = browser.postForm(URI.create(local + "/vneid/oauth2/token"), Map.of(
                    "grant_type", "authorization_code", "code", Browser.queryParameters(callback).get("code"),
                    "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier), "egov-platform", "egov-platform-secret");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            SignedJWT idToken = SignedJWT.parse(JSON.readTree(token.body()).get("id_token").asString());
            assertThat(idToken.getHeader().getKeyID()).isEqualTo("khoa-thu-nghiem");
            assertThat(idToken.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
            assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(FIXED_ISSUER);
            assertThat(idToken.getJWTClaimsSet().getStringClaim("personal_id")).isEqualTo("020070999011");
            assertThat(idToken.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Mã Văn Phúc");
        }
    }

    @Test
    void anIssuerOutsideVneidStopsTheStart() {
        assertThatThrownBy(() -> NationalSimulatorApplication.start("--server.port=0",
                "--sim.vneid.issuer=http://localhost:8090/other").close())
                .rootCause().hasMessageContaining("sim.vneid.issuer must look like");
    }

    @Test
    void aConfidentialClientWithoutSecretStopsTheStart() {
        assertThatThrownBy(() -> NationalSimulatorApplication.start("--server.port=0",
                "--sim.vneid.clients[0].client-id=khong-co-bi-mat",
                "--sim.vneid.clients[0].redirect-uris=http://localhost:8080/cb").close())
                .rootCause().hasMessageContaining("needs client-secret");
    }

    @Test
    void theDemoClientIsRegisteredByDefault() {
        var client = VneidAuthorizationServerConfiguration.toRegisteredClient(new VneidProperties.Client());
        assertThat(client.getClientId()).isEqualTo("egov-platform");
        assertThat(client.getRedirectUris()).contains("http://localhost:8080/login/oauth2/code/vneid");
        assertThat(client.getClientAuthenticationMethods()).extracting(m -> m.getValue())
                .contains("client_secret_basic");
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isFalse();
        assertThat(client.getScopes()).containsAll(VneidClaims.SCOPES);
        assertThat(client.getClientSecret()).isEqualTo("{noop}egov-platform-secret");
    }
}
