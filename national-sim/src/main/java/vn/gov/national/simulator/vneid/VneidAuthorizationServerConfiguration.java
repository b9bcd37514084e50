package vn.gov.national.simulator.vneid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StreamUtils;

/**
 * The simulated VNeID: an OpenID Connect provider (Spring Authorization Server) under {@value VneidProperties#PATH}.
 *
 * <p>Issuer: {@code <scheme>://<host>:<port>/vneid}. Spring Authorization Server runs with
 * {@code multipleIssuersAllowed=true}, which derives the issuer from each request's base URL plus the path in front
 * of the endpoint, so the simulator works on random ports. Its endpoints are only served under {@code /vneid}. A
 * fixed {@code sim.vneid.issuer} replaces the request's scheme, host and port for these endpoints (as a reverse
 * proxy's forwarded headers would).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VneidProperties.class)
class VneidAuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VneidAuthorizationServerConfiguration.class);

    static final String LOGIN_PAGE = VneidProperties.PATH + "/login";

    @Bean
    @Order(1)
    SecurityFilterChain vneidAuthorizationServerChain(HttpSecurity http, VneidProperties properties,
            TestIdentities identities) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // SAS's own matchers accept any path prefix (/**/oauth2/token, ...); only the /vneid issuer is served here
        String vneid = VneidProperties.PATH;
        RequestMatcher underVneid = new OrRequestMatcher(
                paths.matcher(vneid + "/.well-known/openid-configuration"),
                paths.matcher("/.well-known/oauth-authorization-server" + vneid),
                paths.matcher(vneid + "/oauth2/**"),
                paths.matcher(vneid + "/userinfo"),
                paths.matcher(vneid + "/connect/**"));
        http.securityMatcher(new AndRequestMatcher(underVneid, authorizationServer.getEndpointsMatcher()))
                .with(authorizationServer, as -> as.oidc(oidc -> oidc
                        .providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(metadata -> metadata
                                .scopes(scopes -> {
                                    scopes.clear();
                                    scopes.addAll(VneidClaims.SCOPES);
                                })
                                .tokenEndpointAuthenticationMethods(methods -> {
                                    if (!methods.contains(ClientAuthenticationMethod.NONE.getValue())) {
                                        methods.add(ClientAuthenticationMethod.NONE.getValue()); // public clients, PKCE
                                    }
                                })
                                .claim("claims_supported", VneidClaims.CLAIMS)
                                .claim("ui_locales_supported", List.of("vi"))
                                .claim("service_documentation", "TRÌNH MÔ PHỎNG VNeID – không phải hệ thống thật")))
                        .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> userInfo(context, identities)))))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        if (properties.getIssuer() != null && !properties.getIssuer().isBlank()) {
            http.addFilterBefore(new FixedIssuerFilter(properties.getIssuer()), SecurityContextHolderFilter.class);
        }
        return http.build();
    }

    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context, TestIdentities identities) {
        String sub = context.getAuthorization().getPrincipalName();
        TestIdentity identity = identities.bySub(sub)
                .orElseThrow(() -> new IllegalStateException("No test identity with sub " + sub));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", identity.sub());
        claims.putAll(VneidClaims.forScopes(identity, context.getAccessToken().getScopes()));
        return new OidcUserInfo(claims);
    }

    /** Adds the identity's claims, by granted scope, to the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> vneidIdTokenClaims(TestIdentities identities) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                    && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            identities.bySub(context.getPrincipal().getName()).ifPresent(identity -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    VneidClaims.forScopes(identity, context.getAuthorizedScopes()).forEach(context.getClaims()::claim);
                } else {
                    // access tokens carry only the assurance level, so a resource server can check it
                    context.getClaims().claim(VneidClaims.IDENTITY_LEVEL, identity.identityLevel());
                }
            });
        };
    }

    /** Every test identity logs in with its personal identification number and the simulator's one password. */
    @Bean
    UserDetailsService vneidTestIdentityUsers(TestIdentities identities, VneidProperties properties) {
        String password = properties.getPassword().startsWith("{") ? properties.getPassword()
                : "{noop}" + properties.getPassword();
        return username -> identities.byPersonalId(username == null ? "" : username.trim())
                // the principal's name is the opaque sub, which becomes the ID token's subject
                .map(identity -> User.withUsername(identity.sub()).password(password).roles("CITIZEN").build())
                .orElseThrow(() -> new UsernameNotFoundException("Không có danh tính thử nghiệm này"));
    }

    @Bean
    RegisteredClientRepository vneidClients(VneidProperties properties) {
        List<VneidProperties.Client> configured = properties.getClients().isEmpty()
                ? List.of(new VneidProperties.Client()) : properties.getClients();
        List<RegisteredClient> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (VneidProperties.Client client : configured) {
            RegisteredClient registered = toRegisteredClient(client);
            if (!ids.add(registered.getClientId())) {
                throw new IllegalStateException("sim.vneid.clients: client id " + registered.getClientId() + " is registered twice");
            }
            log.info("SIMULATED VNeID client {} ({}): redirect URIs {}", registered.getClientId(),
                    client.isPublicClient() ? "public, PKCE" : "confidential", registered.getRedirectUris());
            clients.add(registered);
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    static RegisteredClient toRegisteredClient(VneidProperties.Client client) {
        String clientId = client.getClientId() == null || client.getClientId().isBlank()
                ? VneidProperties.DEMO_CLIENT_ID : client.getClientId().trim();
        boolean demo = VneidProperties.DEMO_CLIENT_ID.equals(clientId);
        List<String> redirectUris = !client.getRedirectUris().isEmpty() ? client.getRedirectUris()
                : demo ? VneidProperties.DEMO_REDIRECT_URIS : List.of();
        if (redirectUris.isEmpty()) {
            throw new IllegalStateException("sim.vneid.clients: client " + clientId + " needs redirect-uris");
        }
        List<String> postLogoutRedirectUris = !client.getPostLogoutRedirectUris().isEmpty()
                ? client.getPostLogoutRedirectUris()
                : demo ? VneidProperties.DEMO_POST_LOGOUT_REDIRECT_URIS : List.of();
        List<String> scopes = client.getScopes().isEmpty() ? VneidClaims.SCOPES : client.getScopes();
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(client.getClientName() != null ? client.getClientName() : clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris.stream().map(String::trim).toList()))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirectUris.stream().map(String::trim).toList()))
                .scopes(s -> s.addAll(scopes.stream().map(String::trim).toList()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(client.isPublicClient() || client.isRequirePkce())
                        .requireAuthorizationConsent(client.isRequireConsent())
                        .build());
        if (client.isPublicClient()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            String secret = client.getClientSecret() != null && !client.getClientSecret().isBlank()
                    ? client.getClientSecret() : demo ? VneidProperties.DEMO_CLIENT_SECRET : null;
            if (secret == null) {
                throw new IllegalStateException("sim.vneid.clients: confidential client " + clientId
                        + " needs client-secret (or set public-client=true)");
            }
            builder.clientSecret(secret.startsWith("{") ? secret : "{noop}" + secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        return builder.build();
    }

    @Bean
    OAuth2AuthorizationService vneidAuthorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    OAuth2AuthorizationConsentService vneidConsents() {
        return new InMemoryOAuth2AuthorizationConsentService();
    }

    /** No fixed issuer here: see the class comment and {@link FixedIssuerFilter}. */
    @Bean
    AuthorizationServerSettings vneidAuthorizationServerSettings(VneidProperties properties) {
        if (properties.getIssuer() != null && !properties.getIssuer().isBlank()) {
            FixedIssuerFilter.validate(properties.getIssuer());
        }
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
    }

    @Bean
    JWKSource<SecurityContext> vneidJwkSource(VneidProperties properties, ResourceLoader resources)
            throws IOException, ParseException, JOSEException {
        RSAKey key;
        if (properties.getSigningKey() == null || properties.getSigningKey().isBlank()) {
            key = new RSAKeyGenerator(2048).keyID("vneid-sim-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            log.info("SIMULATED VNeID: generated RSA signing key {}", key.getKeyID());
        } else {
            String json;
            try (InputStream in = resources.getResource(properties.getSigningKey()).getInputStream()) {
                json = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
            }
            JWK jwk = JWK.parse(json);
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException("sim.vneid.signing-key must be an RSA private key in JWK JSON");
            }
            key = rsa;
            log.info("SIMULATED VNeID: signing key {} from {}", key.getKeyID(), properties.getSigningKey());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Validates the access tokens presented at the userinfo endpoint. */
    @Bean
    JwtDecoder vneidJwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
