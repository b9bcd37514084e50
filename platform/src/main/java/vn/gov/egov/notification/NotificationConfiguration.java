package vn.gov.egov.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** Lets a personal-data key rotation reseal the recipients. */
    @Bean
    SealedValueStore notificationRecipients(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "notification", "id", KeyType.UUID, "recipient_sealed", NotificationStore.RECIPIENT);
    }

    /** Lets a personal-data key rotation reseal the message texts. */
    @Bean
    SealedValueStore notificationBodies(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "notification", "id", KeyType.UUID, "body_sealed", NotificationStore.BODY);
    }
}
