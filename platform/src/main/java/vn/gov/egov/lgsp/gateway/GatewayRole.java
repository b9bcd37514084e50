package vn.gov.egov.lgsp.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway as its own process (item 8: a province places it in its own network zone): the same jar started with
 * {@code egov.role=lgsp-gateway} ({@code EGOV_ROLE}) runs only the gateway, the registry's in-memory
 * {@code ServiceRegistry}, the message log's writer, personal-data sealing (for logged bodies), the database
 * connection (an external PostgreSQL: the platform's, {@code SPRING_DATASOURCE_URL}; no migrations) and
 * observability (health, Prometheus). Tokens are checked against the SSO's published keys
 * ({@code egov.lgsp.gateway.issuer-uri} + {@code /oauth2/jwks}), issuer and expiry, then by the SSO's token
 * introspection with the gateway's own client ({@code egov.lgsp.gateway.introspection.*}), remembered per token for
 * {@code egov.lgsp.gateway.introspection.memory} (5 s): a token revoked at the SSO is refused within that time.
 * <p>
 * Deliberately not a {@code @Configuration}: the platform's own component scan must not pick it up.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"vn.gov.egov.lgsp", "vn.gov.egov.personaldata", "vn.gov.egov.observability"},
        useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "vn\\.gov\\.egov\\.lgsp\\.gateway\\.GatewayConfiguration",
                "vn\\.gov\\.egov\\.lgsp\\.registry\\.SnapshotRegistry",
                "vn\\.gov\\.egov\\.lgsp\\.messagelog\\.MessageLogConfiguration",
                "vn\\.gov\\.egov\\.personaldata\\.PersonalDataConfiguration",
                "vn\\.gov\\.egov\\.observability\\.RequestIdFilter"}))
public class GatewayRole {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GatewayRole.class);

    /** The value of {@code egov.role} that starts this role. */
    public static final String NAME = "lgsp-gateway";

    /** Jars whose auto-configurations a gateway does not need (process engine, migrations, pages, mail, SSO server). */
    private static final List<String> NOT_NEEDED = List.of("flowable", "spring-modulith", "spring-boot-flyway",
            "springdoc", "spring-boot-security-oauth2-authorization-server", "spring-boot-security-oauth2-client",
            "spring-boot-thymeleaf", "spring-boot-mail", "spring-boot-data-jdbc", "spring-boot-kafka");

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(GatewayRole.class);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.autoconfigure.exclude", String.join(",", autoConfigurationsFrom(NOT_NEEDED)));
        defaults.put("spring.flyway.enabled", "false");
        defaults.put("spring.application.name", "egov-lgsp-gateway");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        // its own message-log chain, apart from a platform node on the same host
        defaults.put("egov.lgsp.messagelog.node-id", hostName() + "-gateway");
        application.setDefaultProperties(defaults);
        return application.run(args);
    }

    /** Whether the arguments, a system property or {@code EGOV_ROLE} choose this role. */
    public static boolean chosen(String... args) {
        for (String arg : args) {
            if (arg.equals("--egov.role=" + NAME)) {
                return true;
            }
        }
        String property = System.getProperty("egov.role", System.getenv("EGOV_ROLE"));
        return NAME.equals(property);
    }

    @Bean
    JwtDecoder lgspGatewayJwtDecoder(Environment environment, org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters) {
        String issuer = environment.getProperty("egov.lgsp.gateway.issuer-uri", "").strip();
        if (issuer.isEmpty()) {
            throw new IllegalStateException("egov.lgsp.gateway.issuer-uri (EGOV_LGSP_GATEWAY_ISSUER_URI) must name the "
                    + "province's SSO (e.g. https://sso.example.gov.vn) when the gateway runs on its own");
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        // expiry and issuer; a token bound to a client certificate (cnf.x5t#S256) is checked by the gateway itself
        // (ClientCertificateCheck), which also reads the certificate a TLS terminator passes on in a header
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                new org.springframework.security.oauth2.jwt.JwtTimestampValidator(), new org.springframework.security.oauth2.jwt.JwtIssuerValidator(issuer)));
        if (!environment.getProperty("egov.lgsp.gateway.introspection.enabled", Boolean.class, true)) {
            log.warn("LGSP gateway: token introspection is OFF (egov.lgsp.gateway.introspection.enabled=false): "
                    + "a token revoked at the SSO is accepted until it expires");
            return decoder;
        }
        String clientId = environment.getProperty("egov.lgsp.gateway.introspection.client-id", "").strip();
        String secret = environment.getProperty("egov.lgsp.gateway.introspection.client-secret", "");
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw new IllegalStateException("The gateway on its own asks the SSO whether each token is still active (token "
                    + "introspection): set egov.lgsp.gateway.introspection.client-id and client-secret "
                    + "(EGOV_LGSP_GATEWAY_INTROSPECTION_CLIENT_ID, EGOV_LGSP_GATEWAY_INTROSPECTION_CLIENT_SECRET) to the "
                    + "gateway's client at the SSO (docs/operations.md)");
        }
        String uri = environment.getProperty("egov.lgsp.gateway.introspection.uri", "").strip();
        TokenIntrospection introspection = new TokenIntrospection(URI.create(uri.isEmpty() ? base + "/oauth2/introspect" : uri),
                clientId, secret, environment.getProperty("egov.lgsp.gateway.introspection.timeout", Duration.class, Duration.ofSeconds(2)),
                meters.getIfAvailable());
        Duration memory = environment.getProperty("egov.lgsp.gateway.introspection.memory", Duration.class, Duration.ofSeconds(5));
        log.info("LGSP gateway: tokens checked against {} (keys, issuer, expiry) and by introspection at {} (memory {})",
                base, introspection.endpoint(), memory);
        return new IntrospectingJwtDecoder(decoder, introspection, memory, System::nanoTime);
    }

    /** Health, info and metrics are open (as on the platform); the gateway path never reaches this chain. */
    @Bean
    SecurityFilterChain lgspGatewayManagementChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .csrf(c -> c.disable());
        return http.build();
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
        }
        return host;
    }

    private static List<String> autoConfigurationsFrom(List<String> jarNames) {
        List<String> classes = new ArrayList<>();
        try {
            Enumeration<URL> resources = GatewayRole.class.getClassLoader()
                    .getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                if (jarNames.stream().anyMatch(url.toString()::contains)) {
                    try (InputStream in = url.openStream()) {
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(classes::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
