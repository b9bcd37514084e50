package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import vn.gov.egov.PlatformTest;

/** The registry's core: what the gateway asks, answered from memory and current right after every change. */
class ServiceRegistryCoreTest extends PlatformTest {

    @Autowired
    ServiceRegistry registry;
    @Autowired
    ServiceCatalogAdministration administration;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SnapshotRegistry snapshots;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private String client(String id) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientSecret("{noop}secret-" + id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
        return id;
    }

    @Test
    void answersFromMemoryAndSeesEveryChangeAtOnce() {
        long before = registry.generation();
        administration.registerMember("PROV-" + suffix, "Cơ quan cung cấp thử", MemberKind.OTHER, null);
        administration.registerSubsystem("PROV-" + suffix, "HT-CUNG-CAP", "Hệ thống cung cấp", null);
        administration.registerMember("CONS-" + suffix, "Cơ quan khai thác thử", MemberKind.OTHER, null);
        String clientId = client("lgsp-core-" + suffix);
        RegistrySubsystem consumerSystem = administration.registerSubsystem("CONS-" + suffix, "HT-KHAI-THAC", "Hệ thống khai thác", clientId);
        String otherClient = client("lgsp-core-other-" + suffix);
        RegistrySubsystem otherSystem = administration.registerSubsystem("CONS-" + suffix, "HT-KHAC", "Hệ thống khác", otherClient);

        ServiceAddress address = new ServiceAddress("PROV-" + suffix, "HT-CUNG-CAP", "cong-dan", "v1");
        RegisteredService registered = administration.registerService(
                ServiceDraft.of(address, Protocol.REST, "Tra cứu công dân", "http://127.0.0.1:9/population/")
                        .withDocument(ServiceDraft.minimalOpenApi("Tra cứu công dân")));
        assertThat(registered.state()).isEqualTo(ServiceState.DRAFT);
        assertThat(registry.generation()).isGreaterThan(before);

        // resolution by address, in any state (the gateway tells "unknown" from "not callable")
        ProviderService service = registry.service(address).orElseThrow();
        assertThat(service.id()).isEqualTo(registered.id());
        assertThat(service.state()).isEqualTo(ServiceState.DRAFT);
        assertThat(service.state().callable()).isFalse();
        assertThat(service.endpoint().toString()).isEqualTo("http://127.0.0.1:9/population/");
        assertThat(service.ratePerSecond()).isEqualTo(ServiceDraft.DEFAULT_RATE);
        assertThat(registry.service(new ServiceAddress("PROV-" + suffix, "HT-CUNG-CAP", "cong-dan", "v2"))).isEmpty();
        assertThat(registry.service(new ServiceAddress("KHONG-CO-" + suffix, "X", "y", "v1"))).isEmpty();

        administration.changeState(service.id(), ServiceState.TESTING, "Mở thử nghiệm");
        assertThat(registry.service(address).orElseThrow().state()).isEqualTo(ServiceState.TESTING);

        // client id → consumer
        ConsumerSystem consumer = registry.consumerByClientId(clientId).orElseThrow();
        assertThat(consumer.id()).isEqualTo(consumerSystem.id());
        assertThat(consumer.name()).isEqualTo("CONS-" + suffix + "/HT-KHAI-THAC");
        assertThat(registry.consumerByClientId("khong-co-" + suffix)).isEmpty();
        assertThat(registry.system("CONS-" + suffix, "HT-KHAI-THAC")).contains(consumer);
        ConsumerSystem other = registry.consumerByClientId(otherClient).orElseThrow();

        // no right yet
        service = registry.service(address).orElseThrow();
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens/001")).isFalse();

        // a right for one operation pattern, visible at once
        List<AccessRight> granted = administration.grant(consumer.id(), service.id(), List.of("get /citizens/*"), "Xác minh công dân");
        assertThat(granted).extracting(AccessRight::operation).containsExactly("GET /citizens/*");
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens/001")).isTrue();
        assertThat(registry.mayCall(consumer, service, "get", "citizens/001/")).isTrue();
        assertThat(registry.mayCall(consumer, service, "POST", "/citizens/001")).isFalse();
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens/001/photo")).isFalse();
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens")).isFalse();
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens/../admin")).isFalse();
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens//")).isFalse();
        assertThat(registry.mayCall(other, service, "GET", "/citizens/001")).isFalse();

        // the whole service
        administration.grant(other.id(), service.id(), List.of("*"), "Toàn bộ dịch vụ");
        assertThat(registry.mayCall(other, service, "POST", "/anything/at/all")).isTrue();
        assertThat(registry.mayCall(other, service, "DELETE", "/")).isTrue();

        // revoked: refused at once
        long beforeRevoke = registry.generation();
        administration.revoke(granted.get(0).id(), "Hết thời hạn thỏa thuận");
        assertThat(registry.generation()).isGreaterThan(beforeRevoke);
        assertThat(registry.mayCall(consumer, service, "GET", "/citizens/001")).isFalse();
        assertThat(administration.rights(consumer.id())).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
    }

    @Test
    void seesAChangeMadeByAnotherNodeWhenTheGenerationGrows() throws Exception {
        administration.registerMember("NODE-" + suffix, "Cơ quan thử nút khác", MemberKind.OTHER, null);
        RegistrySubsystem system = administration.registerSubsystem("NODE-" + suffix, "HT", "Hệ thống", null);
        RegisteredService service = administration.registerService(ServiceDraft.of(
                new ServiceAddress("NODE-" + suffix, "HT", "dich-vu", "v1"), Protocol.SOAP, "Dịch vụ SOAP", "https://ht.example.vn/soap"));
        ConsumerSystem consumer = registry.system("NODE-" + suffix, "HT").orElseThrow();
        ProviderService provider = registry.service(service.address()).orElseThrow();
        long before = registry.generation();

        // another node writes a right and bumps the generation: this node does not know yet
        jdbc.sql("INSERT INTO lgsp_registry_access_right (id, consumer_id, service_id, operation, granted_by, granted_at)"
                        + " VALUES (:id, :consumer, :service, 'TraCuu', 'other-node', now())")
                .param("id", UUID.randomUUID()).param("consumer", system.id()).param("service", service.id()).update();
        jdbc.sql("UPDATE lgsp_registry_generation SET value = value + 1 WHERE id = 1").update();
        assertThat(registry.generation()).isEqualTo(before);

        // the periodic check (every second) reloads it
        long deadline = System.currentTimeMillis() + 5000;
        while (registry.generation() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(registry.generation()).isGreaterThan(before);
        assertThat(registry.mayCall(consumer, provider, "POST", "TraCuu")).isTrue();
        assertThat(registry.mayCall(consumer, provider, "POST", "Khac")).isFalse();
    }

    @Test
    void refusesBadInputNamingTheField() {
        administration.registerMember("BAD-" + suffix, "Cơ quan thử dữ liệu sai", MemberKind.OTHER, null);
        administration.registerSubsystem("BAD-" + suffix, "HT", "Hệ thống", null);
        ServiceAddress address = new ServiceAddress("BAD-" + suffix, "HT", "dv", "v1");
        for (String endpoint : List.of("ftp://host/x", "/relative/path", "http://user:pass@host/x", "http://host/x#frag", "khong la url")) {
            assertThatThrownBy(() -> administration.registerService(ServiceDraft.of(address, Protocol.REST, "Dịch vụ", endpoint)))
                    .as(endpoint).isInstanceOfSatisfying(RegistryRejected.class, e -> {
                        assertThat(e.why()).isEqualTo(RegistryRejected.Why.INVALID);
                        assertThat(e.violations()).extracting(RegistryViolation::field).contains("endpoint");
                    });
        }
        assertThatThrownBy(() -> administration.registerMember("sai ma", "", MemberKind.OTHER, null))
                .isInstanceOfSatisfying(RegistryRejected.class, e -> assertThat(e.violations())
                        .extracting(RegistryViolation::field, RegistryViolation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("code", "code"), org.assertj.core.groups.Tuple.tuple("name", "required")));
        assertThatThrownBy(() -> administration.registerMember("KHONG-CQ-" + suffix, "Cơ quan", MemberKind.PROVINCIAL_AGENCY, "KHONG-CO"))
                .isInstanceOfSatisfying(RegistryRejected.class, e -> assertThat(e.violations())
                        .extracting(RegistryViolation::field, RegistryViolation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("agencyCode", "catalog")));
    }
}
