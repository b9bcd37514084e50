package vn.gov.egov.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * PayGov calls the notification endpoint without a token of the province's SSO: the request is authenticated by
 * its HMAC signature instead ({@link PayingOnline#notified}). Only this one path is open; the API chain keeps the rest.
 */
@Configuration(proxyBeanMethods = false)
class PaygovNotificationSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain paygovNotificationChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/paygov/notifications")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }
}
