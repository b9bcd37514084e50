package vn.gov.egov.attachment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and the malware scan of incoming files.
 *
 * @param maxFileSize    {@code egov.attachment.max-file-size} (default 20MB; keep {@code spring.servlet.multipart.max-file-size} in step)
 * @param maxPdfPages    {@code egov.attachment.max-pdf-pages} (default 200)
 * @param maxImagePixels {@code egov.attachment.max-image-pixels}: width × height of a JPEG or PNG (default 50 000 000)
 * @param scan           {@code egov.attachment.scan}: {@code when-configured} (default: scan when a ClamAV host is set)
 *                       or {@code required} (refuse every file while no scanner is configured)
 * @param clamav         {@code egov.attachment.clamav.*}: the clamd daemon
 */
@ConfigurationProperties("egov.attachment")
record AttachmentProperties(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("200") int maxPdfPages,
                            @DefaultValue("50000000") long maxImagePixels, @DefaultValue("when-configured") Scan scan,
                            @DefaultValue Clamav clamav) {

    enum Scan { REQUIRED, WHEN_CONFIGURED }

    /**
     * @param host           {@code egov.attachment.clamav.host}; empty: no scanner
     * @param port           {@code egov.attachment.clamav.port} (default 3310)
     * @param connectTimeout {@code egov.attachment.clamav.connect-timeout} (default 2s)
     * @param readTimeout    {@code egov.attachment.clamav.read-timeout}: longest wait for any answer (default 30s)
     */
    record Clamav(@DefaultValue("") String host, @DefaultValue("3310") int port,
                  @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {
        boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    static AttachmentProperties defaults() {
        return new AttachmentProperties(DataSize.ofMegabytes(20), 200, 50_000_000, Scan.WHEN_CONFIGURED,
                new Clamav("", 3310, Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    AttachmentProperties withMaxPdfPages(int pages) {
        return new AttachmentProperties(maxFileSize, pages, maxImagePixels, scan, clamav);
    }

    AttachmentProperties withMaxFileSize(DataSize size) {
        return new AttachmentProperties(size, maxPdfPages, maxImagePixels, scan, clamav);
    }

    AttachmentProperties withClamav(String host, int port, Duration readTimeout) {
        return new AttachmentProperties(maxFileSize, maxPdfPages, maxImagePixels, scan,
                new Clamav(host, port, clamav.connectTimeout(), readTimeout));
    }

    AttachmentProperties withScan(Scan mode) {
        return new AttachmentProperties(maxFileSize, maxPdfPages, maxImagePixels, mode, clamav);
    }
}
