package vn.gov.egov.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.StringUtils;

/**
 * Who may do what. Reading the shared catalogs and the calendar is public; changing them needs the
 * province administrator. The audit trail is for auditors only, not for the administrator (separation of duties).
 * Until officials' accounts exist, the one administrator and the one auditor are bootstrap accounts configured by
 * {@code EGOV_BOOTSTRAP_ADMIN_USERNAME} / {@code EGOV_BOOTSTRAP_ADMIN_PASSWORD} and
 * {@code EGOV_BOOTSTRAP_AUDITOR_USERNAME} / {@code EGOV_BOOTSTRAP_AUDITOR_PASSWORD} (demo profile: see its file).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PROVINCE_ADMIN = "PROVINCE_ADMIN";
    static final String AUDITOR = "AUDITOR";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR)
                        // announcements name the officials who recorded them
                        .requestMatchers("/api/v1/calendar/announcements/**", "/api/v1/calendar/announcements").hasRole(PROVINCE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalogs/**", "/api/v1/calendar/**").permitAll()
                        .requestMatchers("/api/v1/catalogs/**", "/api/v1/calendar/**").hasRole(PROVINCE_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless API without cookies: no CSRF token to protect
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/audit", "/admin/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/admin/**").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(PROVINCE_ADMIN)
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService bootstrapAccounts(@Value("${egov.security.bootstrap-admin.username:}") String adminUsername,
                                         @Value("${egov.security.bootstrap-admin.password:}") String adminPassword,
                                         @Value("${egov.security.bootstrap-auditor.username:}") String auditorUsername,
                                         @Value("${egov.security.bootstrap-auditor.password:}") String auditorPassword,
                                         PasswordEncoder encoder) {
        List<UserDetails> accounts = new ArrayList<>();
        account(adminUsername, adminPassword, PROVINCE_ADMIN, encoder).ifPresent(accounts::add);
        account(auditorUsername, auditorPassword, AUDITOR, encoder).ifPresent(accounts::add);
        return new InMemoryUserDetailsManager(accounts);
    }

    private static Optional<UserDetails> account(String username, String password, String role, PasswordEncoder encoder) {
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            return Optional.empty();
        }
        String stored = password.startsWith("{") ? password : encoder.encode(password);
        return Optional.of(User.withUsername(username).password(stored).roles(role).build());
    }
}
