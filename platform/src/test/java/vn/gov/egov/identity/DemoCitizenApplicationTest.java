package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The demonstration's public PKCE client for citizens' tools (the submission benchmark): registered once, as asked. */
class DemoCitizenApplicationTest {

    /** Counts saves, so that a second start-up that registers again is seen. */
    static final class Clients implements RegisteredClientRepository {
        final Map<String, RegisteredClient> byClientId = new HashMap<>();
        int saves;

        @Override
        public void save(RegisteredClient client) {
            saves++;
            byClientId.put(client.getClientId(), client);
        }

        @Override
        public RegisteredClient findById(String id) {
            return byClientId.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return byClientId.get(clientId);
        }
    }

    @Test
    void registersAPublicPkceClientWithALoopbackRedirectOnlyOnce() {
        Clients clients = new Clients();
        DemoCitizenApplication runner = new DemoCitizenApplication(clients, Duration.ofMinutes(10), Duration.ofHours(8));

        runner.run(new DefaultApplicationArguments());
        runner.run(new DefaultApplicationArguments());

        assertThat(clients.saves).isEqualTo(1);
        RegisteredClient client = clients.findByClientId("cong-dvc-tinh-demo");
        assertThat(client).isNotNull();
        assertThat(client.getClientName()).isEqualTo("Ứng dụng Cổng DVC tỉnh (trình diễn)");
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
        assertThat(client.getClientSecret()).isNull();
        assertThat(client.getAuthorizationGrantTypes()).contains(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isFalse();
        assertThat(client.getRedirectUris()).containsExactly("http://127.0.0.1/callback");
        assertThat(client.getScopes()).containsExactly("openid");
        assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(10));
    }
}
