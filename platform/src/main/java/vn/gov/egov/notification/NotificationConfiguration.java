package vn.gov.egov.notification;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedValue;
import vn.gov.egov.personaldata.SealedValueStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** Lets a personal-data key rotation reseal the recipients. */
    @Bean
    SealedValueStore notificationRecipients(JdbcClient jdbc) {
        return new SealedColumn(jdbc, "recipient_sealed", NotificationStore.RECIPIENT);
    }

    /** Lets a personal-data key rotation reseal the message texts. */
    @Bean
    SealedValueStore notificationBodies(JdbcClient jdbc) {
        return new SealedColumn(jdbc, "body_sealed", NotificationStore.BODY);
    }

    /** One sealed column of {@code notification}; the column name is one of the two constants above, never input. */
    record SealedColumn(JdbcClient jdbc, String column, String purpose) implements SealedValueStore {

        @Override
        public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
            return jdbc.sql("select id::text as id, " + column + " as sealed from notification where not starts_with(" + column
                            + ", :prefix) and (cast(:after as uuid) is null or id > cast(:after as uuid)) order by id limit :limit")
                    .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId)).param("after", afterId).param("limit", limit)
                    .query((rs, n) -> new SealedValue(rs.getString("id"), rs.getString("sealed"))).list();
        }

        @Override
        public boolean replace(SealedValue current, String resealed) {
            return jdbc.sql("update notification set " + column + " = :resealed where id = cast(:id as uuid) and " + column + " = :current")
                    .param("resealed", resealed).param("id", current.id()).param("current", current.sealed()).update() == 1;
        }
    }
}
