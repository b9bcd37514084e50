package vn.gov.egov.audit;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code egov.audit.*}).
 *
 * @param securityLevel the information system's security level (cấp độ, 1–5, Decree 85/2016), which sets how long
 *                      entries stay online: see {@link Retention}. Default 3
 * @param retention     a longer online retention than the level's minimum, e.g. {@code 12m} or {@code P2Y}; a shorter
 *                      one is refused at start-up
 * @param sealing       how pending records join the chain
 * @param purge         the retention purge ({@code egov.audit.purge.cron}, default 02:30 every night, Vietnam time;
 *                      {@code -} switches it off)
 * @param syslog        shipping to the SOC; off while {@code egov.audit.syslog.host} is empty
 */
@ConfigurationProperties("egov.audit")
record AuditProperties(@DefaultValue("3") int securityLevel,
                       Period retention,
                       @DefaultValue Sealing sealing,
                       @DefaultValue Purge purge,
                       @DefaultValue Syslog syslog) {

    /**
     * @param interval  how often each node looks for records written on other nodes (its own are sealed at once)
     * @param batchSize records sealed per transaction
     */
    record Sealing(@DefaultValue("1s") Duration interval, @DefaultValue("500") int batchSize) {
    }

    /**
     * @param cron      when the purge runs (Spring cron, Vietnam time), {@code -} for never
     * @param batchSize entries deleted per transaction
     */
    record Purge(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("10000") int batchSize) {
    }

    /**
     * RFC 5424 messages over TCP with octet-counting framing (RFC 6587), or TLS (RFC 5425).
     *
     * @param host           the SOC's collector; empty: no shipping
     * @param port           its port (514 by convention for TCP, 6514 for TLS)
     * @param tls            TLS settings
     * @param hostname       HOSTNAME field; default this machine's name
     * @param appName        APP-NAME field
     * @param sdId           SD-ID of the structured data element: {@code name@<private enterprise number>}; 32473 is the
     *                       number reserved for documentation (RFC 5612) until the province registers its own
     * @param facility       syslog facility, default 13 (log audit)
     * @param interval       how often to look for unsent entries
     * @param batchSize      entries per round
     * @param initialBackoff first wait after a failure; doubled after each further failure
     * @param maxBackoff     longest wait between attempts
     * @param connectTimeout connection and read timeout
     */
    record Syslog(String host,
                  @DefaultValue("514") int port,
                  @DefaultValue Tls tls,
                  String hostname,
                  @DefaultValue("egov-platform") String appName,
                  @DefaultValue("audit@32473") String sdId,
                  @DefaultValue("13") int facility,
                  @DefaultValue("2s") Duration interval,
                  @DefaultValue("200") int batchSize,
                  @DefaultValue("1s") Duration initialBackoff,
                  @DefaultValue("5m") Duration maxBackoff,
                  @DefaultValue("10s") Duration connectTimeout) {

        boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param enabled TLS to the collector, with host name verification
     * @param bundle  the Spring Boot SSL bundle ({@code spring.ssl.bundle.jks.<name>.truststore.*} or
     *                {@code spring.ssl.bundle.pem.<name>.truststore.certificate}) that holds the trust store and, for
     *                mutual TLS, the client key; empty: the JVM's default trust store
     */
    record Tls(@DefaultValue("false") boolean enabled, String bundle) {
    }
}
