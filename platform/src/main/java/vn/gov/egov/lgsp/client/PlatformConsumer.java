package vn.gov.egov.lgsp.client;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.registry.PlatformServices;
import vn.gov.egov.lgsp.registry.RegisteredService;
import vn.gov.egov.lgsp.registry.RegistrySubsystem;
import vn.gov.egov.lgsp.registry.ServiceAddress;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;

/**
 * The platform's own system on the LGSP ({@value PlatformServices#MEMBER}/{@value #SUBSYSTEM}), linked to the
 * platform's SSO client, with a right to each national service its modules use. A right is granted once: when an
 * operator revokes it, a restart does not give it back.
 */
@Component
class PlatformConsumer {

    static final String SUBSYSTEM = "NEN-TANG";
    /** What the platform's modules call today (the document backbone's client comes with document management). */
    static final List<ServiceAddress> USED = java.util.stream.Stream.of(NationalSystem.POPULATION, NationalSystem.BUSINESS_REGISTRY,
            NationalSystem.PROCEDURES, NationalSystem.NATIONAL_PORTAL, NationalSystem.PAYGOV, NationalSystem.VNPOST)
            .map(NationalAddresses::of).toList();
    private static final String PURPOSE = "Các phân hệ của nền tảng CQĐT gọi hệ thống quốc gia qua LGSP (đăng ký khi khởi động)";
    private static final long RETRY_NANOS = java.time.Duration.ofMinutes(1).toNanos();
    private static final Logger log = LoggerFactory.getLogger(PlatformConsumer.class);

    private final ServiceCatalogAdministration registry;
    private final PlatformCredentials credentials;
    private final TransactionTemplate ownTransaction;
    private volatile boolean complete;
    /** When an incomplete registration (a national service not registered: its address left blank) may be tried again. */
    private volatile long retryAt;
    private volatile boolean waiting;

    PlatformConsumer(ServiceCatalogAdministration registry, PlatformCredentials credentials, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.credentials = credentials;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the registry has registered the national services at start (its listener has the default order). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void atStart() {
        waiting = false;
        ensure();
    }

    /**
     * Cheap once everything is registered; until then a use tries again at most once a minute (a national service whose
     * address is left blank is never registered, and its callers must not pay a transaction each).
     */
    void ensure() {
        if (complete || waiting && System.nanoTime() - retryAt < 0) {
            return;
        }
        synchronized (this) {
            if (!complete && !(waiting && System.nanoTime() - retryAt < 0)) {
                // the platform acts, not whoever's request happens to make the first call
                org.springframework.security.core.context.SecurityContext caller = SecurityContextHolder.getContext();
                SecurityContextHolder.clearContext();
                try {
                    // its own transaction: the first call may come from inside another module's transaction
                    complete = Boolean.TRUE.equals(ownTransaction.execute(status -> register()));
                } catch (RuntimeException e) {
                    log.warn("LGSP: the platform's consumer system could not be registered yet: {}", e.getMessage());
                } finally {
                    SecurityContextHolder.setContext(caller);
                    if (!complete) {
                        retryAt = System.nanoTime() + RETRY_NANOS;
                        waiting = true;
                    }
                }
            }
        }
    }

    private boolean register() {
        String clientId = credentials.credentials().clientId();
        RegistrySubsystem system = registry.subsystem(PlatformServices.MEMBER, SUBSYSTEM)
                .orElseGet(() -> registry.registerSubsystem(PlatformServices.MEMBER, SUBSYSTEM, "Nền tảng Chính quyền điện tử tỉnh", clientId));
        if (!clientId.equals(system.clientId())) {
            system = registry.linkClient(system.id(), clientId);
        }
        UUID consumer = system.id();
        boolean all = true;
        for (ServiceAddress address : USED) {
            java.util.Optional<RegisteredService> service = registry.service(address);
            if (service.isEmpty()) {
                all = false;
                continue;
            }
            boolean everHeld = registry.rights(consumer).stream().anyMatch(r -> r.serviceId().equals(service.get().id()));
            if (!everHeld) {
                registry.grant(consumer, service.get().id(), List.of("*"), PURPOSE);
                log.info("LGSP: the platform may call {}", address);
            }
        }
        return all;
    }
}
