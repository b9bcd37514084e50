package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * In the demonstration only: the Department of Justice's civil-status system as an LGSP consumer, with a
 * client-credentials client of the province's SSO (secret in the demonstration properties only), approved access to
 * the national population database and one request waiting for the operator (business registry). Idempotent.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemoLgspConsumer implements ApplicationRunner {

    static final String MEMBER = "SO-TP";
    static final String SYSTEM = "HO-TICH";
    static final String CLIENT_ID = "stp-ho-tich-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoLgspConsumer.class);

    private final ManagingRegistry registry;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final String secret;

    DemoLgspConsumer(ManagingRegistry registry, RegisteredClientRepository clients, PasswordEncoder passwords,
                     @Value("${egov.lgsp.registry.demo.client-secret:}") String secret) {
        this.registry = registry;
        this.clients = clients;
        this.passwords = passwords;
        this.secret = secret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (secret.isBlank() || registry.subsystem(MEMBER, SYSTEM).isPresent()) {
            return;
        }
        try {
            if (clients.findByClientId(CLIENT_ID) == null) {
                clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CLIENT_ID)
                        .clientName("Hệ thống hộ tịch Sở Tư pháp (trình diễn)")
                        .clientSecret(passwords.encode(secret))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("lgsp.call")
                        .build());
            }
            if (registry.member(MEMBER).isEmpty()) {
                registry.registerMember(MEMBER, "Sở Tư pháp", MemberKind.PROVINCIAL_AGENCY, MEMBER);
            }
            RegistrySubsystem system = registry.registerSubsystem(MEMBER, SYSTEM, "Hệ thống quản lý hộ tịch", CLIENT_ID);
            registry.service(NationalServices.POPULATION).ifPresent(population -> registry.grant(system.id(), population.id(),
                    List.of("GET /api/citizens/*"), "Xác minh thông tin công dân khi đăng ký hộ tịch (trình diễn)"));
            registry.service(NationalServices.BUSINESS_REGISTRY).ifPresent(business -> registry.requestAccess(system.id(),
                    business.id(), List.of("GET /api/enterprises/*"), "Kiểm tra doanh nghiệp khi chứng thực hợp đồng (trình diễn)"));
            log.info("Demonstration LGSP consumer {}/{} registered with SSO client {}", MEMBER, SYSTEM, CLIENT_ID);
        } catch (RuntimeException e) {
            log.warn("Demonstration LGSP consumer not registered: {}", e.getMessage());
        }
    }
}
