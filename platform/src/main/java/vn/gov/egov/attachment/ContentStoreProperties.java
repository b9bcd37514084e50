package vn.gov.egov.attachment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the files' bytes are kept. The directory is {@code egov.attachment.content-dir} (default
 * {@code ${egov.data-dir}/files}); the schedules are {@code egov.attachment.sweep-cron} and
 * {@code egov.attachment.integrity-cron}.
 *
 * @param contentStore {@code egov.attachment.content-store}: {@code filesystem} (default) or {@code database}
 * @param fsync        {@code egov.attachment.fsync}: force each new file and its directory to disk (default true)
 * @param orphanGrace  {@code egov.attachment.orphan-grace}: a file without metadata row is removed only when older
 *                     (default PT24H, far longer than any transaction)
 */
@ConfigurationProperties("egov.attachment")
record ContentStoreProperties(@DefaultValue("filesystem") Mode contentStore, @DefaultValue("true") boolean fsync,
                              @DefaultValue("PT24H") Duration orphanGrace) {

    enum Mode { FILESYSTEM, DATABASE }
}
