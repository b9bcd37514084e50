package vn.gov.egov.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The platform as a relying party of the national identity system (VNeID) for citizens and businesses. The
 * endpoints follow from the issuer ({@code EGOV_VNEID_ISSUER}); in the demonstration it is the national-systems
 * simulator. Nothing is fetched at start-up, so the platform starts while VNeID is unreachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "egov.vneid.enabled", havingValue = "true")
class VneidConfiguration {

    static final String REGISTRATION = "vneid";

    @Bean
    ClientRegistrationRepository vneidRegistration(@Value("${egov.vneid.issuer}") String issuer,
                                                   @Value("${egov.vneid.client-id}") String clientId,
                                                   @Value("${egov.vneid.client-secret}") String clientSecret) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("VNeID")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "address", "phone", "email", "vneid.identity", "vneid.business")
                .issuerUri(base)
                .authorizationUri(base + "/oauth2/authorize")
                .tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/oauth2/jwks")
                .userInfoUri(base + "/userinfo")
                .userNameAttributeName("sub")
                .build());
    }

    @Bean
    CitizenLogin citizenLogin(CitizenAccounts accounts, LoginHistory history) {
        return new CitizenLogin(accounts, history);
    }
}
