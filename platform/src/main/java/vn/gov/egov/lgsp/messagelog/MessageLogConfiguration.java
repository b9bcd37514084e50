package vn.gov.egov.lgsp.messagelog;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The message log's runtime pieces; they depend only on the DataSource, Micrometer and personal-data protection, so
 * that the gateway can run in its own process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageLogProperties.class)
class MessageLogConfiguration {

    @Bean
    MessageLogStore messageLogStore(DataSource dataSource, PlatformTransactionManager transactions,
                                    PersonalDataProtection protection) {
        return new MessageLogStore(new JdbcTemplate(dataSource), transactions, protection);
    }

    @Bean
    MessageLogWriter messageLog(MessageLogStore store, MessageLogProperties properties, MeterRegistry meters) {
        return new MessageLogWriter(store, properties.node(), properties.queueCapacity(), properties.fullQueueWait(),
                properties.batchSize(), meters);
    }

    @Bean
    JdbcMessageLogQueries messageLogQueries(MessageLogStore store, MessageLogWriter writer) {
        return new JdbcMessageLogQueries(store, writer, new ChainVerifier(store, Clock.systemUTC()), Clock.systemUTC());
    }
}
