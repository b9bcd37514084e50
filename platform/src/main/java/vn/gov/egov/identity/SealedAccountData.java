package vn.gov.egov.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

/**
 * The citizens' and officials' sealed personal data, registered so that a personal-data key rotation reseals it too.
 * (The officials' second-factor secrets and the token signing keys are sealed with the identity key-encryption key,
 * {@link KeySealing}, which this rotation does not touch.)
 */
@Configuration(proxyBeanMethods = false)
class SealedAccountData {

    @Bean
    SealedValueStore citizenPersonalIds(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "citizen_account", "id", KeyType.UUID, "personal_id_sealed", CitizenAccounts.PERSONAL_ID);
    }

    @Bean
    SealedValueStore citizenAddresses(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "citizen_account", "id", KeyType.UUID, "address_sealed", CitizenAccounts.ADDRESS);
    }

    @Bean
    SealedValueStore citizenPhones(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "citizen_account", "id", KeyType.UUID, "phone_sealed", CitizenAccounts.PHONE);
    }

    @Bean
    SealedValueStore officialMobiles(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "official_account", "id", KeyType.UUID, "mobile_sealed", OfficialAccounts.MOBILE);
    }
}
