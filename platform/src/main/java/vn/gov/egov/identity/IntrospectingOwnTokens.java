package vn.gov.egov.identity;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Token introspection (RFC 7662) answers a client about the tokens issued to it; only the clients named in
 * {@code egov.identity.token-introspectors} (by default the LGSP gateway's own client) learn about anyone's token.
 * Anyone else asking about another client's or a person's token is told "inactive", as the RFC allows, so a
 * system holding a stolen token cannot use the SSO to find out whose it is and whether it still works.
 */
final class IntrospectingOwnTokens implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(IntrospectingOwnTokens.class);

    private final AuthenticationProvider introspection;
    private final Set<String> introspectors;

    IntrospectingOwnTokens(AuthenticationProvider introspection, Set<String> introspectors) {
        this.introspection = introspection;
        this.introspectors = introspectors;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication answered = introspection.authenticate(authentication);
        if (!(answered instanceof OAuth2TokenIntrospectionAuthenticationToken result) || !result.getTokenClaims().isActive()
                || !(result.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
            return answered;
        }
        String asking = client.getRegisteredClient().getClientId();
        if (asking.equals(result.getTokenClaims().getClientId()) || introspectors.contains(asking)) {
            return answered;
        }
        log.info("Token introspection by client {} about a token of client {}: answered inactive (not a token introspector)",
                asking, result.getTokenClaims().getClientId());
        return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(), client, OAuth2TokenIntrospection.builder().build());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return introspection.supports(authentication);
    }
}
