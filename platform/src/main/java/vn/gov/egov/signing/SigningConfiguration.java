package vn.gov.egov.signing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

/** The module's settings, and its sealed private keys registered so that a key rotation reseals them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    @Bean
    SealedValueStore signingTestCaKey(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "signing_test_ca", "id", KeyType.SMALLINT, "private_key_sealed", TestCertificateAuthority.CA_KEY);
    }

    @Bean
    SealedValueStore signingAgencyKeys(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "signing_agency_certificate", "id", KeyType.UUID, "private_key_sealed",
                TestCertificateAuthority.AGENCY_KEY);
    }
}
