package vn.gov.egov.lgsp.registry;

import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** Client-credentials clients of the province's SSO for the registry's tests. */
@Component
class RegisteredClientsForTests {

    private final RegisteredClientRepository clients;

    RegisteredClientsForTests(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    String clientCredentials(String clientId) {
        if (clients.findByClientId(clientId) == null) {
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}secret-" + clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        }
        return clientId;
    }
}
