package vn.gov.egov.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The province's OpenID Connect provider (Spring Authorization Server): discovery, authorization code with PKCE,
 * refresh tokens, client credentials, revocation, introspection, user info and the JWK set, with clients,
 * authorizations and signing keys in PostgreSQL so that every node of the platform shares them.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http,
                                                 @Value("${egov.identity.token-introspectors:}") java.util.Set<String> introspectors,
                                                 JwtDecoder tokens, PresentedCertificate certificates)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        java.util.Set<String> named = introspectors.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults())
                        .tokenIntrospectionEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                                providers.replaceAll(p -> p instanceof org.springframework.security.oauth2.server.authorization.authentication
                                        .OAuth2TokenIntrospectionAuthenticationProvider ? new IntrospectingOwnTokens(p, named) : p))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/oauth2/jwks", "/.well-known/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                // a person who is not logged in is sent to the login page, then back to the authorization request
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // the user-info endpoint, like the API chain: a certificate-bound token only with its certificate
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(token -> SecurityConfiguration.boundToItsCertificate(tokens.decode(token),
                        certificates))));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    ActiveTokenCache activeTokens(@Value("${egov.identity.active-token-memory:PT5S}") java.time.Duration memory) {
        return new ActiveTokenCache(memory);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients, ActiveTokenCache activeTokens) {
        return new ActiveTokenCache.Evicting(new JdbcOAuth2AuthorizationService(jdbc, clients), activeTokens);
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** Without a configured issuer ({@code EGOV_IDENTITY_ISSUER}) the issuer is taken from each request's host. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${egov.identity.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(issuer)) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signing());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, OAuth2AuthorizationService authorizations, ActiveTokenCache activeTokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        // expiry only: a token bound to a client certificate (cnf.x5t#S256) is checked where the request's certificate is
        // known, also behind a TLS terminator (the platform's API chain: SecurityConfiguration; the LGSP gateway)
        decoder.setJwtValidator(new org.springframework.security.oauth2.jwt.JwtTimestampValidator());
        return new RevocationCheckingJwtDecoder(decoder, authorizations, activeTokens);
    }

    /**
     * Where the SSO finds a token request's client certificate: over its own HTTPS ({@code server.ssl.client-auth=want}),
     * or from a TLS terminator's header ({@code egov.identity.client-certificate.header}) sent from one of
     * {@code egov.identity.client-certificate.trusted-proxies}.
     */
    @Bean
    PresentedCertificate tokenRequestCertificates(@Value("${egov.identity.client-certificate.header:}") String header,
                                                  @Value("${egov.identity.client-certificate.trusted-proxies:}") java.util.List<String> proxies) {
        return new PresentedCertificate(header, proxies, "egov.identity.client-certificate");
    }

    /**
     * Access and ID tokens of people carry their roles, so that applications and the LGSP can check them. An access
     * token asked for with a TLS client certificate is bound to it (RFC 8705: {@code cnf.x5t#S256}, the certificate's
     * SHA-256 thumbprint, base64url): the LGSP gateway then accepts it only from a caller presenting that certificate.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(PresentedCertificate certificates) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                String thumbprint = boundThumbprint(certificates);
                if (thumbprint != null) {
                    java.util.Map<String, Object> confirmation = new java.util.HashMap<>();
                    confirmation.put("x5t#S256", thumbprint);
                    context.getClaims().claim("cnf", confirmation);
                }
            }
            if (context.getAuthorizationGrantType().getValue().equals("client_credentials")) {
                return;
            }
            Set<String> roles = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toCollection(java.util.TreeSet::new));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                // a plain ArrayList: the JDBC authorization store only deserializes allow-listed collection types
                context.getClaims().claim("roles", new java.util.ArrayList<>(roles));
            }
        };
    }

    /** The thumbprint of the client certificate on the current token request, or null when there is none. */
    private static String boundThumbprint(PresentedCertificate certificates) {
        java.security.cert.X509Certificate[] chain;
        try {
            chain = certificates.ofCurrentRequest();
        } catch (PresentedCertificate.Unreadable e) {
            throw new org.springframework.security.oauth2.core.OAuth2AuthenticationException(new org.springframework.security.oauth2.core.OAuth2Error(
                    "invalid_request", e.getMessage(), null));
        }
        return chain == null ? null : PresentedCertificate.thumbprint(chain[0]);
    }
}
