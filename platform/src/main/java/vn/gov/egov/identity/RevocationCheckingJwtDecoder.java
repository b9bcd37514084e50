package vn.gov.egov.identity;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * A signed, unexpired access token is accepted only while its authorization still exists and the token has not
 * been revoked: a JWT alone cannot say that it was revoked, the province's authorization store can.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder signatureAndTime;
    private final OAuth2AuthorizationService authorizations;
    private final ActiveTokenCache activeTokens;

    RevocationCheckingJwtDecoder(JwtDecoder signatureAndTime, OAuth2AuthorizationService authorizations, ActiveTokenCache activeTokens) {
        this.signatureAndTime = signatureAndTime;
        this.authorizations = authorizations;
        this.activeTokens = activeTokens;
    }

    @Override
    public Jwt decode(String token) {
        java.util.Optional<Jwt> known = activeTokens.knownActive(token);
        if (known.isPresent()) {
            return known.get();
        }
        Jwt jwt = signatureAndTime.decode(token);
        long changesBeforeRead = activeTokens.changes();
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<?> accessToken = authorization == null ? null : authorization.getAccessToken();
        if (accessToken == null || !accessToken.isActive()) {
            throw new BadJwtException("The access token was revoked or is unknown to this provider");
        }
        activeTokens.rememberActive(token, jwt, changesBeforeRead);
        return jwt;
    }
}
