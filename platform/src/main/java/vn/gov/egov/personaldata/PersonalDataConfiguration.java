package vn.gov.egov.personaldata;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
class PersonalDataConfiguration {

    @Bean
    PersonalDataProtection personalDataProtection(PersonalDataProperties properties) {
        return new AesGcmProtection(KeyRing.from(properties));
    }

    @Bean
    RotatingKeys rotatingKeys(PersonalDataProtection protection, ObjectProvider<SealedValueStore> stores,
                              PersonalDataProperties properties) {
        return new RotatingKeys(protection, () -> stores.orderedStream().toList(), properties.rotation().batchSize());
    }
}
