package vn.gov.egov.identity;

import java.util.List;
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
 * province administrator. Until officials' accounts exist, the one administrator is the bootstrap account
 * configured by {@code EGOV_BOOTSTRAP_ADMIN_USERNAME} / {@code EGOV_BOOTSTRAP_ADMIN_PASSWORD} (demo profile: see its file).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PROVINCE_ADMIN = "PROVINCE_ADMIN";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // announcements name the officials who recorded them
                        .requestMatchers("/api/v1/calendar/announcements/**", "/api/v1/calendar/announcements").hasRole(PROVINCE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalogs/**", "/api/v1/calendar/**").permitAll()
                        .requestMatchers("/api/v1/catalogs/**", "/api/v1/calendar/**").hasRole(PROVINCE_ADMIN)
                        .requestMatchers("/api/v1/identity/**").hasRole(PROVINCE_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // machine clients and applications call with bearer tokens from the province's SSO
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(TokenAuthorities.converter())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless API without cookies: no CSRF token to protect
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
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
    UserDetailsService bootstrapAdministrator(@Value("${egov.security.bootstrap-admin.username:}") String username,
                                              @Value("${egov.security.bootstrap-admin.password:}") String password,
                                              PasswordEncoder encoder) {
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            return new InMemoryUserDetailsManager(List.of());
        }
        String stored = password.startsWith("{") ? password : encoder.encode(password);
        UserDetails admin = User.withUsername(username).password(stored).roles(PROVINCE_ADMIN).build();
        return new InMemoryUserDetailsManager(admin);
    }
}
