package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what. Reading the shared catalogs, the calendar and the procedure catalog is public. People log in on the pages (officials:
 * password, then a one-time code); applications and agency systems call the API with bearer tokens from the
 * province's single sign-on. There is no password-only access to anything.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PROVINCE_ADMIN = Role.PROVINCE_ADMIN.name();
    static final String AGENCY_ADMIN = Role.AGENCY_ADMIN.name();
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // LGSP gateway: /lgsp/r1/** never reaches these chains. The gateway's own filter (lgsp.gateway.PassingThrough,
    // ahead of Spring Security) checks the bearer token with the JwtDecoder below, the consumer and its access right,
    // and answers every such request itself (docs/lgsp.md, "Gateway").

    /**
     * Requests are observed once, as {@code http.server.requests}; Spring Security's own observations of each filter,
     * authentication and authorization would repeat that work on every request.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder tokens, PresentedCertificate certificates) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // LGSP pub/sub: event types are public; systems publish, subscribe and pull with their own tokens
                        // (the module checks which system owns or subscribes); the rest is the LGSP operators' (the
                        // province administrator may read)
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/pubsub/event-types", "/api/v1/lgsp/pubsub/event-types/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/lgsp/pubsub/events/**", "/api/v1/lgsp/pubsub/subscriptions",
                                "/api/v1/lgsp/pubsub/subscriptions/*/ack").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/pubsub/subscriptions/*/events", "/api/v1/lgsp/pubsub/subscriptions/*")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/pubsub/**").hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN)
                        // subscriptions are decided by the provider's side: operators, or the owner agency's administrator
                        .requestMatchers(HttpMethod.POST, "/api/v1/lgsp/pubsub/subscriptions/*/approve", "/api/v1/lgsp/pubsub/subscriptions/*/pause",
                                "/api/v1/lgsp/pubsub/subscriptions/*/resume", "/api/v1/lgsp/pubsub/subscriptions/*/revoke",
                                "/api/v1/lgsp/pubsub/subscriptions/*/refuse")
                                .hasAnyRole(Role.LGSP_OPERATOR.name(), AGENCY_ADMIN)
                        .requestMatchers("/api/v1/lgsp/pubsub/**").hasRole(Role.LGSP_OPERATOR.name())
                        // officials are managed by the province administrator and, within their agencies, agency administrators
                        .requestMatchers("/api/v1/identity/officials", "/api/v1/identity/officials/**").hasAnyRole(PROVINCE_ADMIN, AGENCY_ADMIN)
                        // procedure routes: the province administrator and, for their agencies' procedures, agency administrators
                        .requestMatchers(HttpMethod.POST, "/api/v1/routes/decisions").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/api/v1/routes", "/api/v1/routes/**").hasAnyRole(PROVINCE_ADMIN, AGENCY_ADMIN)
                        // the audit trail is for auditors only, not for the administrator (separation of duties)
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                        // announcements name the officials who recorded them
                        .requestMatchers("/api/v1/calendar/announcements/**", "/api/v1/calendar/announcements").hasRole(PROVINCE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalogs/**", "/api/v1/calendar/**").permitAll()
                        // the procedure catalog is public; importing from the national database is the administrator's
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures", "/api/v1/procedures/**").permitAll()
                        // anyone may check a filled form against a procedure's e-form (portal, agencies' systems)
                        .requestMatchers(HttpMethod.POST, "/api/v1/procedures/*/form/validate").permitAll()
                        .requestMatchers("/api/v1/procedures", "/api/v1/procedures/**").hasRole(PROVINCE_ADMIN)
                        // an agency system granted the catalogs.write scope may maintain the shared catalogs too
                        .requestMatchers("/api/v1/catalogs/**").hasAnyAuthority("ROLE_" + PROVINCE_ADMIN, "SCOPE_catalogs.write")
                        .requestMatchers("/api/v1/calendar/**").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/api/v1/identity/**").hasRole(PROVINCE_ADMIN)
                        // agencies' signing certificates
                        .requestMatchers("/api/v1/signing/**").hasRole(PROVINCE_ADMIN)
                        // the one-stop statistics are published: aggregates only, nothing personal
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics/dossiers").permitAll()
                        // anyone with a dossier code may see its status (nothing personal is shown)
                        .requestMatchers(HttpMethod.GET, "/api/v1/dossiers/*/status").permitAll()
                        // citizens (and the businesses they represent) submit and follow their own dossiers
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers").hasRole(CitizenLogin.CITIZEN.substring(5))
                        .requestMatchers("/api/v1/my", "/api/v1/my/**").hasRole(CitizenLogin.CITIZEN.substring(5))
                        // the one-stop desk
                        .requestMatchers("/api/v1/reception", "/api/v1/reception/**").hasRole(Role.ONE_STOP_OFFICER.name())
                        // LGSP registry: the catalog is public (never endpoints or rights); operators manage, the province
                        // administrator reads, agency administrators act for their agency (checked by the registry)
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/services", "/api/v1/lgsp/services/**").permitAll()
                        .requestMatchers("/api/v1/lgsp/registry/**").hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN, AGENCY_ADMIN)
                        // LGSP message log and monitoring: operators; the province administrator (and, for the log, auditors) may read; bodies: auditors only
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/message-log/records/*/*/bodies").hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/message-log/**").hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN, Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/lgsp/monitoring/**").hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN)
                        .requestMatchers("/api/v1/lgsp/message-log/**", "/api/v1/lgsp/monitoring/**").denyAll()
                        .anyRequest().authenticated())
                // applications and agency systems call with bearer tokens from the province's SSO
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(token -> boundToItsCertificate(tokens.decode(token), certificates))
                        .jwtAuthenticationConverter(TokenAuthorities.converter())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless API without cookies: no CSRF token to protect
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, OfficialLogin officialLogin, SecondFactorController secondFactor,
                                  LoginHistory history, ObjectProvider<CitizenLogin> citizenLogin) throws Exception {
        http.authorizeHttpRequests(a -> a
                        // LGSP pub/sub pages: operators act, the province administrator may read (second factor for both);
                        // the approvals page is also the owner agencies' administrators' (the module checks which agency)
                        .requestMatchers(HttpMethod.GET, "/lgsp/admin/pubsub/approvals").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN, AGENCY_ADMIN)))
                        .requestMatchers("/lgsp/admin/pubsub/approvals/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), AGENCY_ADMIN)))
                        .requestMatchers(HttpMethod.GET, "/lgsp/admin/pubsub", "/lgsp/admin/pubsub/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN)))
                        .requestMatchers("/lgsp/admin/pubsub", "/lgsp/admin/pubsub/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasRole(Role.LGSP_OPERATOR.name())))
                        .requestMatchers("/admin/audit", "/admin/audit/**").hasRole(Role.AUDITOR.name())
                        // LGSP message log and monitoring pages: second factor, then operators; the province administrator (and, for the log, auditors) may read; bodies: auditors only
                        .requestMatchers("/lgsp/admin/message-log/records/*/*/bodies").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasRole(Role.AUDITOR.name())))
                        .requestMatchers("/lgsp/admin/message-log", "/lgsp/admin/message-log/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN, Role.AUDITOR.name())))
                        .requestMatchers("/lgsp/monitoring", "/lgsp/monitoring/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN)))
                        .requestMatchers("/admin/officials", "/admin/officials/**").hasAnyRole(PROVINCE_ADMIN, AGENCY_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/admin/routes/decisions").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/admin/routes", "/admin/routes/**").hasAnyRole(PROVINCE_ADMIN, AGENCY_ADMIN)
                        .requestMatchers("/login/confirm").hasAuthority(OfficialLogin.SECOND_FACTOR)
                        .requestMatchers("/admin/**").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/account/**", "/workspace").hasAuthority(OfficialLogin.SECOND_FACTOR)
                        .requestMatchers("/my/**", "/my").hasAuthority(CitizenLogin.CITIZEN)
                        // the one-stop desk's pages: a one-stop officer who completed the second factor
                        .requestMatchers("/reception", "/reception/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasRole(Role.ONE_STOP_OFFICER.name())))
                        // officials' processing pages: a processing role and the second factor (each dossier's access is checked by processing)
                        .requestMatchers("/processing", "/processing/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.ONE_STOP_OFFICER.name(), Role.SPECIALIST.name(),
                                        Role.DIVISION_HEAD.name(), Role.AGENCY_LEADER.name(), Role.CLERK.name())))
                        // the officials' statistics: leaders and the province administrator, after the second factor
                        .requestMatchers("/statistics", "/statistics/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.AGENCY_LEADER.name(), Role.DIVISION_HEAD.name(),
                                        PROVINCE_ADMIN)))
                        // the procedure catalog is public reference information
                        .requestMatchers("/procedures", "/procedures/**").permitAll()
                        // anyone holding a result may verify it (its QR code leads here), and fetch the test CA's revocation list
                        .requestMatchers("/verify", "/verify/**", "/signing/test-ca.crl", "/signing/test-ca/ocsp").permitAll()
                        // LGSP registry: the developers' catalog is public; the operator pages need the second factor
                        .requestMatchers("/lgsp/catalog", "/lgsp/catalog/**").permitAll()
                        .requestMatchers("/lgsp/admin/registry", "/lgsp/admin/registry/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN, AGENCY_ADMIN)))
                        .requestMatchers("/lgsp/admin", "/lgsp/admin/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(OfficialLogin.SECOND_FACTOR),
                                AuthorityAuthorizationManager.hasAnyRole(Role.LGSP_OPERATOR.name(), PROVINCE_ADMIN)))
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(PROVINCE_ADMIN)
                        .anyRequest().permitAll())
                .authenticationProvider(officialLogin)
                // the test CA's OCSP responder is posted to by validators, without a session or a form
                .csrf(c -> c.ignoringRequestMatchers("/signing/test-ca/ocsp"))
                .formLogin(f -> f.loginPage("/login").successHandler(secondFactor).permitAll())
                .logout(l -> l.logoutSuccessUrl("/").addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        history.record(authentication.getName(), LoginHistory.Kind.LOGGED_OUT, ip(request), request.getHeader("User-Agent"));
                    }
                }))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        CitizenLogin citizens = citizenLogin.getIfAvailable();
        if (citizens != null) {
            // citizens and businesses: the national identity system (VNeID)
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/my")
                    .failureUrl("/login?vneidError").userInfoEndpoint(u -> u.oidcUserService(citizens)));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * A token bound to a client certificate (RFC 8705, {@code cnf.x5t#S256}) is accepted only on a request that
     * presents that certificate (over the platform's own TLS, or in a trusted terminator's header).
     */
    static org.springframework.security.oauth2.jwt.Jwt boundToItsCertificate(org.springframework.security.oauth2.jwt.Jwt jwt,
                                                                             PresentedCertificate certificates) {
        String bound = PresentedCertificate.boundThumbprint(jwt.getClaims());
        if (bound == null) {
            return jwt;
        }
        java.security.cert.X509Certificate[] chain;
        try {
            chain = certificates.ofCurrentRequest();
        } catch (PresentedCertificate.Unreadable e) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException(e.getMessage());
        }
        if (chain == null || !bound.equals(PresentedCertificate.thumbprint(chain[0]))) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException(
                    "The token is bound to a client certificate (cnf.x5t#S256) that this request does not present");
        }
        return jwt;
    }
}
