package vn.gov.egov.lgsp.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.unit.DataSize;
import vn.gov.egov.lgsp.messagelog.MessageLog;
import vn.gov.egov.lgsp.registry.ServiceRegistry;

/**
 * The gateway's pieces (configuration {@code egov.lgsp.gateway.*}, see docs/operations.md). The pass-through is a
 * filter ahead of Spring Security's chain and MVC so that a call costs only what the gateway itself checks.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean(destroyMethod = "close")
    ProviderClient lgspProviderClient(@Value("${egov.lgsp.gateway.http-client:apache}") String kind,
                                      @Value("${egov.lgsp.gateway.connect-timeout:PT2S}") Duration connectTimeout,
                                      @Value("${egov.lgsp.gateway.max-connections:256}") int maxConnections,
                                      @Value("${egov.lgsp.gateway.max-response-size:10MB}") DataSize maxResponse) {
        return "jdk".equalsIgnoreCase(kind) ? new JdkProviderClient(connectTimeout, maxResponse.toBytes())
                : new ApacheProviderClient(connectTimeout, maxConnections, maxResponse.toBytes());
    }

    @Bean
    Quotas lgspQuotas(ObjectProvider<MeterRegistry> meters) {
        return new Quotas(System::nanoTime, meters.getIfAvailable());
    }

    @Bean
    CircuitBreakers lgspCircuitBreakers(@Value("${egov.lgsp.gateway.circuit.failures:5}") int failures,
                                        @Value("${egov.lgsp.gateway.circuit.window:PT10S}") Duration window,
                                        @Value("${egov.lgsp.gateway.circuit.open-for:PT10S}") Duration openFor,
                                        ObjectProvider<MeterRegistry> meters) {
        return new CircuitBreakers(failures, window, openFor, System::nanoTime, meters.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<PassingThrough> lgspGateway(ObjectProvider<JwtDecoder> jwtDecoder,
                                                       @Value("${egov.lgsp.gateway.issuer-uri:${egov.identity.issuer:}}") String issuer,
                                                       ObjectProvider<ServiceRegistry> registry, ObjectProvider<MessageLog> messageLog,
                                                       Quotas quotas, CircuitBreakers circuits, ProviderClient providers,
                                                       ObjectProvider<MeterRegistry> meters,
                                                       @Value("${egov.lgsp.gateway.client-certificate.header:}") String certificateHeader,
                                                       @Value("${egov.lgsp.gateway.client-certificate.trusted-proxies:}") java.util.List<String> trustedProxies) {
        java.util.function.Supplier<JwtDecoder> decoder = once(jwtDecoder);
        TokenCheck tokens = new TokenCheck(token -> decoder.get().decode(token), issuer);
        java.util.function.Supplier<ServiceRegistry> services = once(registry);
        PassingThrough gateway = new PassingThrough(tokens, () -> {
            ServiceRegistry found = services.get();
            return found != null ? found : new ServiceRegistryMissing();
        }, once(messageLog), quotas, circuits, providers, meters.getIfAvailable(),
                new vn.gov.egov.identity.PresentedCertificate(certificateHeader, trustedProxies, "egov.lgsp.gateway.client-certificate"));
        FilterRegistrationBean<PassingThrough> registration = new FilterRegistrationBean<>(gateway);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("lgspGateway");
        return registration;
    }

    /**
     * Encoded slashes reach the gateway (still encoded) so that it refuses them itself, with its error class and a
     * message-log record; elsewhere Spring Security's firewall still refuses them.
     */
    @Bean
    TomcatConnectorCustomizer lgspEncodedSlashesReachTheGateway() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** The bean once it exists (looked up on first use, not per call). */
    private static <T> java.util.function.Supplier<T> once(ObjectProvider<T> provider) {
        java.util.concurrent.atomic.AtomicReference<T> found = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            T value = found.get();
            if (value == null) {
                value = provider.getIfAvailable();
                if (value != null) {
                    found.set(value);
                }
            }
            return value;
        };
    }

    /** Before the registry's implementation is there: every service unknown. */
    private static final class ServiceRegistryMissing implements ServiceRegistry {
        @Override
        public java.util.Optional<vn.gov.egov.lgsp.registry.ProviderService> service(vn.gov.egov.lgsp.registry.ServiceAddress address) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<vn.gov.egov.lgsp.registry.ConsumerSystem> system(String member, String subsystem) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<vn.gov.egov.lgsp.registry.ConsumerSystem> consumerByClientId(String clientId) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean mayCall(vn.gov.egov.lgsp.registry.ConsumerSystem consumer, vn.gov.egov.lgsp.registry.ProviderService service,
                               String method, String operationPath) {
            return false;
        }

        @Override
        public long generation() {
            return 0;
        }
    }
}
