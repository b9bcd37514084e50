package vn.gov.egov.signing;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedValue;
import vn.gov.egov.personaldata.SealedValueStore;

/** The module's settings, and its sealed private keys registered so that a key rotation reseals them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    @Bean
    SealedValueStore signingTestCaKey(JdbcClient jdbc) {
        return new SealedKeys(jdbc, "signing_test_ca", "cast(id as text)", "id = cast(:id as smallint)",
                TestCertificateAuthority.CA_KEY);
    }

    @Bean
    SealedValueStore signingAgencyKeys(JdbcClient jdbc) {
        return new SealedKeys(jdbc, "signing_agency_certificate", "cast(id as text)", "id = cast(:id as uuid)",
                TestCertificateAuthority.AGENCY_KEY);
    }

    /** The private_key_sealed column of one table; the names are this class's constants, never input. */
    record SealedKeys(JdbcClient jdbc, String table, String idText, String idMatches, String purpose) implements SealedValueStore {

        @Override
        public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
            return jdbc.sql("""
                    select %1$s as id, private_key_sealed from %2$s
                     where not starts_with(private_key_sealed, :prefix) and (cast(:after as text) is null or %1$s > cast(:after as text))
                     order by %1$s limit :limit""".formatted(idText, table))
                    .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId)).param("after", afterId).param("limit", limit)
                    .query((rs, n) -> new SealedValue(rs.getString("id"), rs.getString("private_key_sealed"))).list();
        }

        @Override
        public boolean replace(SealedValue current, String resealed) {
            return jdbc.sql("update %s set private_key_sealed = :resealed where %s and private_key_sealed = :current"
                            .formatted(table, idMatches))
                    .param("resealed", resealed).param("id", current.id()).param("current", current.sealed()).update() == 1;
        }
    }
}
