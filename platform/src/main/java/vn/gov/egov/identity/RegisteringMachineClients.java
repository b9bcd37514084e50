package vn.gov.egov.identity;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
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

@Component
class RegisteringMachineClients implements MachineClients {

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    RegisteringMachineClients(RegisteredClientRepository clients, PasswordEncoder passwords, AuditTrail audit) {
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    public boolean ensure(String clientId, String name, String secret, Set<String> scopes) {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing != null && existing.getClientSecret() != null && passwords.matches(secret, existing.getClientSecret())
                && existing.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
                && (scopes == null || existing.getScopes().equals(scopes))) {
            return false;
        }
        RegisteredClient.Builder client = existing != null ? RegisteredClient.from(existing)
                : RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId);
        client.clientName(name)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethods(m -> {
                    m.clear();
                    m.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                .authorizationGrantTypes(g -> {
                    g.clear();
                    g.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                })
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build());
        if (scopes != null) {
            client.scopes(s -> {
                s.clear();
                s.addAll(scopes);
            });
        }
        try {
            clients.save(client.build());
        } catch (DataIntegrityViolationException raced) {
            // another node registered it at the same moment with the same secret
            return false;
        }
        audit.record(AuditRecord.builder(existing == null ? AuditActions.CREATE : AuditActions.UPDATE, Outcome.SUCCESS)
                .object("oauth-client", clientId).detail("name", name).detail("grantTypes", java.util.List.of("client_credentials"))
                .build());
        return true;
    }
}
