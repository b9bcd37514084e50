package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/** Another application of the province logs its users in through the platform's OpenID Connect provider, with Nimbus. */
class ProvinceSsoTest extends PlatformTest {

    @Autowired
    ObjectMapper json;

    @Test
    void discoveryDescribesTheProvider() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(uri("").toString()));

        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(uri("/oauth2/authorize"));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(uri("/oauth2/token"));
        assertThat(metadata.getJWKSetURI()).isEqualTo(uri("/oauth2/jwks"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(uri("/oauth2/introspect"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(uri("/oauth2/revoke"));
        assertThat(metadata.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
    }

    @Test
    void anApplicationLogsAPersonInWithCodeAndPkceAndRefreshesTheToken() throws Exception {
        Client client = register("""
                {"name": "Cổng thông tin điện tử tỉnh", "grantTypes": ["authorization_code", "refresh_token"],
                 "redirectUris": ["http://localhost:%d/login/callback"], "scopes": ["openid", "profile", "catalogs.read"]}
                """.formatted(port));
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(uri("").toString()));
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        URI redirect = URI.create("http://localhost:" + port + "/login/callback");
        AuthenticationRequest authentication = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "catalogs.read"), new ClientID(client.id()), redirect)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();

        AuthorizationCode code = logInAndAuthorize(authentication.toURI());
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.id()), new Secret(client.secret())),
                new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

        var claims = new IDTokenValidator(provider.getIssuer(), new ClientID(client.id()), JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL()).validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertThat(claims.getSubject().getValue()).isEqualTo(ADMIN);
        String accessToken = tokens.getOIDCTokens().getAccessToken().getValue();
        HttpResponse<String> meResponse = bearer("/api/v1/me", accessToken);
        assertThat(meResponse.statusCode()).as(meResponse.headers().map() + meResponse.body()).isEqualTo(200);
        JsonNode me = json.readTree(meResponse.body());
        assertThat(me.get("kind").asString()).isEqualTo("person");
        assertThat(me.get("roles").toString()).contains("PROVINCE_ADMIN");

        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.id()), new Secret(client.secret())),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(bearer("/api/v1/me", refreshed.toSuccessResponse().getTokens().getAccessToken().getValue()).statusCode()).isEqualTo(200);
        TokenResponse replay = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.id()), new Secret(client.secret())),
                new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest().send());
        assertThat(replay.indicatesSuccess()).as("a replayed authorization code").isFalse();
        assertThat(replay.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

        assertThat(bearer("/api/v1/me", refreshed.toSuccessResponse().getTokens().getAccessToken().getValue()).statusCode())
                .as("a replayed code revokes the tokens issued from it").isEqualTo(401);
    }

    @Test
    void aRedirectUriThatDoesNotMatchIsRefusedWithoutRedirecting() throws Exception {
        Client client = register("""
                {"name": "Ứng dụng thử", "grantTypes": ["authorization_code"], "publicClient": true,
                 "redirectUris": ["http://localhost:%d/login/callback"], "scopes": ["openid"]}
                """.formatted(port));
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID(client.id()),
                URI.create("https://attacker.example/steal")).endpointURI(uri("/oauth2/authorize")).state(new State())
                .nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();

        HttpResponse<String> response = browser().send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anAgencySystemGetsAClientCredentialsTokenOnlyForItsScopesAndARevokedTokenIsRefused() throws Exception {
        Client system = register("""
                {"name": "Hệ thống một cửa Sở Tư pháp", "grantTypes": ["client_credentials"], "scopes": ["lgsp.call"]}
                """);

        HttpResponse<String> notGranted = token(system, "grant_type=client_credentials&scope=catalogs.write");
        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(system.id(), "wrong")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> granted = token(system, "grant_type=client_credentials&scope=lgsp.call");

        assertThat(notGranted.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notGranted.body()).get("error").asString()).isEqualTo("invalid_scope");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(granted.statusCode()).isEqualTo(200);
        String accessToken = json.readTree(granted.body()).get("access_token").asString();
        JsonNode me = json.readTree(bearer("/api/v1/me", accessToken).body());
        assertThat(me.get("kind").asString()).isEqualTo("client");
        assertThat(me.get("subject").asString()).isEqualTo(system.id());
        assertThat(me.get("scopes").toString()).contains("lgsp.call");
        assertThat(bearer("/api/v1/catalogs/religions/import", accessToken).statusCode()).as("no role, no change").isIn(403, 405);

        assertThat(introspect(system, accessToken).get("active").asBoolean()).isTrue();
        Client another = register("""
                {"name": "Hệ thống khác muốn dò mã", "grantTypes": ["client_credentials"], "scopes": ["lgsp.call"]}
                """);
        assertThat(introspect(another, accessToken).get("active").asBoolean())
                .as("another system learns nothing about a token not issued to it").isFalse();
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(uri("/oauth2/revoke"))
                .header("Authorization", basic(system.id(), system.secret())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + accessToken)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(introspect(system, accessToken).get("active").asBoolean()).isFalse();
        assertThat(bearer("/api/v1/me", accessToken).statusCode()).isEqualTo(401);
    }

    @Autowired
    org.springframework.security.oauth2.jwt.JwtEncoder platformKey;

    @Test
    void anExpiredTokenSignedWithThePlatformsOwnKeyIsRefused() throws Exception {
        java.time.Instant past = java.time.Instant.now().minusSeconds(3600);
        String expired = platformKey.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().subject(ADMIN).issuer(uri("").toString())
                        .issuedAt(past.minusSeconds(600)).expiresAt(past).claim("roles", List.of("PROVINCE_ADMIN")).build())).getTokenValue();

        HttpResponse<String> response = bearer("/api/v1/me", expired);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void aValidlySignedTokenThatThePlatformNeverIssuedIsRefused() throws Exception {
        String minted = platformKey.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().subject(ADMIN).issuer(uri("").toString())
                        .expiresAt(java.time.Instant.now().plusSeconds(600)).claim("roles", List.of("PROVINCE_ADMIN")).build())).getTokenValue();

        assertThat(bearer("/api/v1/me", minted).statusCode()).as("not in the authorization store").isEqualTo(401);
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID(json.readTree(get("/oauth2/jwks").body()).at("/keys/0/kid").asString()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreignKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject(ADMIN).issuer(uri("").toString()).claim("roles", List.of("PROVINCE_ADMIN"))
                        .claim("scope", "catalogs.write").expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        forged.sign(new RSASSASigner(foreignKey));

        HttpResponse<String> response = bearer("/api/v1/me", forged.serialize());
        HttpResponse<String> garbage = bearer("/api/v1/me", "not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
        assertThat(garbage.statusCode()).isEqualTo(401);
    }

    @Test
    void rotatingTheSigningKeyKeepsIssuedTokensValid() throws Exception {
        Client system = register("""
                {"name": "Hệ thống báo cáo", "grantTypes": ["client_credentials"], "scopes": ["catalogs.read"]}
                """);
        String before = json.readTree(token(system, "grant_type=client_credentials").body()).get("access_token").asString();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        HttpResponse<String> rotated = asAdmin("POST", "/api/v1/identity/signing-keys/rotate", null, null);
        String after = json.readTree(token(system, "grant_type=client_credentials").body()).get("access_token").asString();

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKid);
        assertThat(get("/oauth2/jwks").body()).contains(oldKid);
        assertThat(bearer("/api/v1/me", before).statusCode()).as("token signed with the previous key").isEqualTo(200);
        assertThat(bearer("/api/v1/me", after).statusCode()).isEqualTo(200);
    }

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anActiveKeyOlderThanItsLifetimeIsRotatedByTheDailyCheck() {
        String before = signingKeys.activeKeyId();
        signingKeys.rotateWhenOld();
        assertThat(signingKeys.activeKeyId()).as("a young key stays").isEqualTo(before);

        jdbc.sql("UPDATE identity_signing_key SET activated_at = now() - interval '91 days' WHERE kid = ?").param(before).update();
        signingKeys.rotateWhenOld();

        assertThat(signingKeys.activeKeyId()).isNotEqualTo(before);
        assertThat(signingKeys.publishedKeyIds()).contains(before);
    }

    @Test
    void aClientRegistrationWithBadValuesNamesEachField() throws Exception {
        HttpResponse<String> refused = asAdmin("POST", "/api/v1/identity/clients", "application/json", """
                {"name": "", "grantTypes": ["password"], "redirectUris": ["http://evil.example/cb#x"], "scopes": ["everything"]}
                """);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/v1/identity/clients"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
                .contains("name", "grantTypes", "scopes");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    record Client(String id, String secret) {
    }

    private Client register(String body) throws Exception {
        HttpResponse<String> response = asAdmin("POST", "/api/v1/identity/clients", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode registered = json.readTree(response.body());
        return new Client(registered.get("clientId").asString(),
                registered.has("clientSecret") ? registered.get("clientSecret").asString() : null);
    }

    private HttpResponse<String> token(Client client, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(client.id(), client.secret())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode introspect(Client client, String token) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(uri("/oauth2/introspect"))
                .header("Authorization", basic(client.id(), client.secret())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private AuthorizationCode logInAndAuthorize(URI authorize) throws Exception {
        String location = logInThrough(ADMIN, authorize.getRawPath() + "?" + authorize.getRawQuery());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        return new AuthorizationCode(java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
    }
}
