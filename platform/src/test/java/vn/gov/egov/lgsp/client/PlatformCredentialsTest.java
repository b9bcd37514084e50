package vn.gov.egov.lgsp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

class PlatformCredentialsTest extends PlatformTest {

    @Autowired
    private PlatformCredentials credentials;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void theSecretIsKeptSealedAndCommittedEvenWhenTheFirstCallersTransactionRollsBack() throws Exception {
        jdbc.sql("DELETE FROM lgsp_client_credential").update();
        credentials.forget();

        // the first use happens inside another module's transaction, which then rolls back
        PlatformCredentials.Credentials made = new TransactionTemplate(transactions).execute(status -> {
            PlatformCredentials.Credentials inside = credentials.credentials();
            status.setRollbackOnly();
            return inside;
        });

        String stored = jdbc.sql("SELECT sealed_secret FROM lgsp_client_credential WHERE client_id = :id")
                .param("id", made.clientId()).query(String.class).single();
        assertThat(stored).startsWith("pd1:").doesNotContain(made.secret());
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(made.clientId(), made.secret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);

        // another node (or a restart) reads the same secret from the store
        credentials.forget();
        assertThat(credentials.credentials().secret()).isEqualTo(made.secret());
    }
}
