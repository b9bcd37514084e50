package vn.gov.egov.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    OfficeHours officeHours(CalendarProperties properties) {
        return OfficeHours.parse(properties.officeHours());
    }
}
