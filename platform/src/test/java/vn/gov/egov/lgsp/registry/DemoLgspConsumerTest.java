package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import vn.gov.egov.PlatformTest;

/** The demonstration's consumer system: a working client-credentials client, access to the population service, one request waiting. */
class DemoLgspConsumerTest extends PlatformTest {

    @Autowired
    ManagingRegistry managing;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ServiceRegistry registry;

    @Test
    void theDemoConsumerCallsThePopulationServiceAndWaitsForTheBusinessRegistry() throws Exception {
        DemoLgspConsumer demo = new DemoLgspConsumer(managing, clients, passwords, "Demo@2025-HoTich-LGSP");
        demo.run(null);
        demo.run(null); // idempotent

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(DemoLgspConsumer.CLIENT_ID, "Demo@2025-HoTich-LGSP"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=lgsp.call")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);

        ConsumerSystem consumer = registry.consumerByClientId(DemoLgspConsumer.CLIENT_ID).orElseThrow();
        assertThat(managing.subsystems()).extracting(RegistrySubsystem::path).contains("SO-TP/HO-TICH");
        assertThat(managing.members()).extracting(RegistryMember::code).contains("SO-TP", NationalServices.MPS, PlatformServices.MEMBER);
        assertThat(managing.services()).extracting(RegisteredService::address).contains(NationalServices.POPULATION, PlatformServices.CATALOG);
        assertThat(consumer.name()).isEqualTo("SO-TP/HO-TICH");
        ProviderService population = registry.service(NationalServices.POPULATION).orElseThrow();
        assertThat(registry.mayCall(consumer, population, "GET", "/api/citizens/012345678901")).isTrue();
        assertThat(registry.mayCall(consumer, population, "GET", "/api/access-log")).isFalse();
        ProviderService business = registry.service(NationalServices.BUSINESS_REGISTRY).orElseThrow();
        assertThat(registry.mayCall(consumer, business, "GET", "/api/enterprises/0100109106")).isFalse();
        assertThat(managing.accessRequests(AccessRequestState.PENDING)).anySatisfy(r -> {
            assertThat(r.consumer()).isEqualTo("SO-TP/HO-TICH");
            assertThat(r.service()).isEqualTo(NationalServices.BUSINESS_REGISTRY);
        });
    }
}
