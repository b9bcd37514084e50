package vn.gov.egov.identity;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * In the demonstration only: a public client application (authorization code with PKCE, no secret) standing for the
 * province's public-service portal app, so that tools such as the submission benchmark can log a simulated VNeID
 * identity in and call the citizens' API. Its redirect is a loopback address (RFC 8252: any port is accepted on a
 * loopback IP). Registered once; an existing registration is left as it is.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemoCitizenApplication implements ApplicationRunner {

    static final String CLIENT_ID = "cong-dvc-tinh-demo";
    static final String NAME = "Ứng dụng Cổng DVC tỉnh (trình diễn)";
    static final String REDIRECT = "http://127.0.0.1/callback";

    private static final Logger log = LoggerFactory.getLogger(DemoCitizenApplication.class);

    private final RegisteredClientRepository clients;
    private final Duration accessTokenTimeToLive;
    private final Duration refreshTokenTimeToLive;

    DemoCitizenApplication(RegisteredClientRepository clients,
                           @Value("${egov.identity.access-token-time-to-live:PT10M}") Duration accessTokenTimeToLive,
                           @Value("${egov.identity.refresh-token-time-to-live:PT8H}") Duration refreshTokenTimeToLive) {
        this.clients = clients;
        this.accessTokenTimeToLive = accessTokenTimeToLive;
        this.refreshTokenTimeToLive = refreshTokenTimeToLive;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clients.findByClientId(CLIENT_ID) != null) {
            return;
        }
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName(NAME)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT)
                .scope("openid")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(accessTokenTimeToLive)
                        .refreshTokenTimeToLive(refreshTokenTimeToLive)
                        .reuseRefreshTokens(false)
                        .build())
                .build());
        log.info("Demonstration public client application {} registered", CLIENT_ID);
    }
}
