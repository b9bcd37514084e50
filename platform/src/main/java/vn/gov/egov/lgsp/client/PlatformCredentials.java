package vn.gov.egov.lgsp.client;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.identity.MachineClients;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedValueStore;

/**
 * The platform's own client-credentials client at the province's SSO. Its secret is made once (by whichever node is
 * first), kept sealed in {@code lgsp_client_credential} so that every node can read it, and never configured by hand:
 * nothing secret is in the repository or the environment.
 */
@Component
class PlatformCredentials {

    private static final String PURPOSE = "lgsp.client_credential.sealed_secret";

    record Credentials(String clientId, String secret) {
    }

    private final JdbcClient jdbc;
    private final MachineClients clients;
    private final PersonalDataProtection sealing;
    private final String clientId;
    private final TransactionTemplate ownTransaction;
    private volatile Credentials known;

    PlatformCredentials(JdbcClient jdbc, MachineClients clients,
                        PersonalDataProtection sealing, PlatformTransactionManager transactions,
                        @Value("${egov.lgsp.client.client-id:lgsp-platform}") String clientId) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clients = clients;
        this.sealing = sealing;
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    Credentials credentials() {
        Credentials credentials = known;
        if (credentials == null) {
            synchronized (this) {
                if (known == null) {
                    // committed before anyone asks the SSO for a token (the first caller may be inside a listener's
                    // transaction that the SSO's request thread cannot see, and that may roll back)
                    known = new Credentials(clientId, ownTransaction.execute(status -> ensureClient(storedSecret())));
                }
                credentials = known;
            }
        }
        return credentials;
    }

    /** Forgets what this node knows, so that the next use reads the store again (after a refused token request). */
    void forget() {
        known = null;
    }

    private String storedSecret() {
        java.util.Optional<String> sealed = jdbc.sql("SELECT sealed_secret FROM lgsp_client_credential WHERE client_id = :id")
                .param("id", clientId).query(String.class).optional();
        if (sealed.isPresent()) {
            return sealing.open(PURPOSE, sealed.get());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("INSERT INTO lgsp_client_credential (client_id, sealed_secret) VALUES (:id, :sealed) ON CONFLICT (client_id) DO NOTHING")
                .param("id", clientId).param("sealed", sealing.seal(PURPOSE, secret)).update();
        // another node may have been first: its secret is the one
        return sealing.open(PURPOSE, jdbc.sql("SELECT sealed_secret FROM lgsp_client_credential WHERE client_id = :id")
                .param("id", clientId).query(String.class).single());
    }

    private String ensureClient(String secret) {
        clients.ensure(clientId, "Nền tảng CQĐT (gọi dịch vụ qua LGSP)", secret, null);
        return secret;
    }

    /** The platform's own client secret, sealed, registered so that a personal-data key rotation reseals it too. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class SealedSecret {

        @org.springframework.context.annotation.Bean
        SealedValueStore platformClientSecret(JdbcClient jdbc) {
            return SealedColumn.of(jdbc, "lgsp_client_credential", "client_id", SealedColumn.KeyType.TEXT, "sealed_secret", PURPOSE);
        }
    }
}
