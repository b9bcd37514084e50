package vn.gov.egov.attachment;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AttachmentProperties.class, ContentStoreProperties.class})
class AttachmentConfiguration {

    /** Always there, whatever the mode: rows written in {@code filesystem} mode stay readable after a switch. */
    @Bean
    FileContentStore fileContentStore(@Value("${egov.attachment.content-dir:${egov.data-dir}/files}") String directory,
                                      ContentStoreProperties properties) {
        // a plain path, never a classpath or URL resource
        return new FileContentStore(Path.of(directory), properties.fsync(), Clock.systemUTC());
    }

    @Bean
    CentralRepository centralRepository(JdbcClient jdbc, AttachmentProperties properties, ContentStoreProperties store,
                                        FileContentStore files) {
        ContentStore writing = store.contentStore() == ContentStoreProperties.Mode.DATABASE ? new DatabaseContentStore(jdbc) : files;
        return new CentralRepository(jdbc, properties, writing, files);
    }
}
