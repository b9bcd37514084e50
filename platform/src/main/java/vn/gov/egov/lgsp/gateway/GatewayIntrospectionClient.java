package vn.gov.egov.lgsp.gateway;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/**
 * On the platform (the SSO's side): the client a separate gateway process authenticates with when it asks the SSO
 * whether a token is still active (token introspection). When {@code egov.lgsp.gateway.introspection.client-id} and
 * {@code client-secret} are set on the platform (the same values as on the gateway process, from the environment;
 * only the demonstration profile has some), the client is registered, or its secret renewed, at start (stored
 * hashed, audited). Without them, the administrator may register any client-credentials client on the "Ứng dụng kết
 * nối" page and give its id and secret to the gateway. Not part of the gateway process itself.
 */
@Component
class GatewayIntrospectionClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayIntrospectionClient.class);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final String clientId;
    private final String secret;

    GatewayIntrospectionClient(RegisteredClientRepository clients, PasswordEncoder passwords, AuditTrail audit,
                               @Value("${egov.lgsp.gateway.introspection.client-id:}") String clientId,
                               @Value("${egov.lgsp.gateway.introspection.client-secret:}") String secret) {
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
        this.clientId = clientId == null ? "" : clientId.strip();
        this.secret = secret == null ? "" : secret;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (clientId.isEmpty() || secret.isEmpty()) {
            return;
        }
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("LGSP: the gateway's introspection client {} could not be registered: {}", clientId, e.getMessage());
        }
    }

    /** Registers the client, or renews its secret when it changed; true when something was written. */
    boolean ensure() {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing != null && existing.getClientSecret() != null && passwords.matches(secret, existing.getClientSecret())) {
            return false;
        }
        RegisteredClient.Builder client = existing != null ? RegisteredClient.from(existing)
                : RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId);
        client.clientName("Cổng LGSP (kiểm tra mã truy cập)")
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethods(m -> {
                    m.clear();
                    m.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                .authorizationGrantTypes(g -> {
                    g.clear();
                    g.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                })
                .scopes(s -> s.clear())
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build());
        try {
            clients.save(client.build());
        } catch (DataIntegrityViolationException raced) {
            // another node registered it at the same moment with the same configured secret
            return false;
        }
        audit.record(AuditRecord.builder(existing == null ? AuditActions.CREATE : AuditActions.UPDATE, Outcome.SUCCESS)
                .object("oauth-client", clientId).detail("name", "Cổng LGSP (kiểm tra mã truy cập)")
                .detail("grantTypes", java.util.List.of("client_credentials")).build());
        log.info("LGSP: the gateway's introspection client {} {}", clientId, existing == null ? "registered" : "given its configured secret");
        return true;
    }
}
