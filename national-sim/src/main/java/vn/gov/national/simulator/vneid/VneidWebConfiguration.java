package vn.gov.national.simulator.vneid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The simulated VNeID's own pages under {@code /vneid}: login (form login, CSRF on), logout, test identities. */
@Configuration(proxyBeanMethods = false)
class VneidWebConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain vneidWebChain(HttpSecurity http) throws Exception {
        String login = VneidAuthorizationServerConfiguration.LOGIN_PAGE;
        http.securityMatcher(VneidProperties.PATH + "/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(VneidProperties.PATH, VneidProperties.PATH + "/", login,
                                VneidProperties.PATH + "/test-identities").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(login).loginProcessingUrl(login)
                        .usernameParameter("username").passwordParameter("password")
                        .defaultSuccessUrl(VneidProperties.PATH, false)
                        .failureUrl(login + "?error"))
                .logout(logout -> logout.logoutUrl(VneidProperties.PATH + "/logout")
                        .logoutSuccessUrl(login + "?logout"));
        return http.build();
    }
}
