package vn.gov.egov.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Re-authentication before sensitive page actions, and the end of sessions whose access was cut. */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

    /** The page actions that need a recent login (all their POSTs). */
    static final String[] SENSITIVE = {"/admin/officials", "/admin/officials/**", "/admin/identity/**", "/account/password"};

    private final Duration reauthenticateAfter;

    IdentityWebConfiguration(@Value("${egov.identity.reauthenticate-after:PT10M}") Duration reauthenticateAfter) {
        this.reauthenticateAfter = reauthenticateAfter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RecentLoginRequired(reauthenticateAfter, Clock.systemUTC())).addPathPatterns(SENSITIVE);
    }

    @Bean
    FilterRegistrationBean<StaleSessions> staleSessions(OfficialAccounts accounts) {
        FilterRegistrationBean<StaleSessions> registration = new FilterRegistrationBean<>(new StaleSessions(accounts));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
