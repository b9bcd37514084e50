package vn.gov.egov.lgsp.messagelog;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * Settings of the message log ({@code egov.lgsp.messagelog.*}).
 *
 * @param nodeId        this node's chain; empty: the host name. Two processes on one host need different ids
 *                      (they would still be correct, but would wait for each other's batches)
 * @param queueCapacity records queued before {@code record} starts waiting for the writer
 * @param fullQueueWait how long {@code record} waits on a full queue before queueing anyway (nothing is dropped)
 * @param batchSize     records per transaction
 * @param retention     how long records are kept, per the service's security level
 * @param purge         the daily retention purge
 */
@ConfigurationProperties("egov.lgsp.messagelog")
record MessageLogProperties(String nodeId,
                            @DefaultValue("100000") int queueCapacity,
                            @DefaultValue("1s") Duration fullQueueWait,
                            @DefaultValue("500") int batchSize,
                            @DefaultValue Retention retention,
                            @DefaultValue Purge purge) {

    /**
     * Retention per security level (ISO periods). Defaults: public 1 year, internal 2 years, confidential 5 years
     * (the exchanges that carry personal data are the ones citizens and inspectors ask about longest).
     */
    record Retention(@Name("public") @DefaultValue("P1Y") Period publicLevel,
                     @DefaultValue("P2Y") Period internal,
                     @DefaultValue("P5Y") Period confidential) {

        Period of(SecurityLevel level) {
            return switch (level) {
                case PUBLIC -> publicLevel;
                case INTERNAL -> internal;
                case CONFIDENTIAL -> confidential;
            };
        }
    }

    /**
     * @param cron      when the purge runs (Spring cron, Vietnam time), {@code -} for never
     * @param batchSize records erased or deleted per transaction
     */
    record Purge(@DefaultValue("0 45 2 * * *") String cron, @DefaultValue("10000") int batchSize) {
    }

    String node() {
        if (nodeId != null && !nodeId.isBlank()) {
            return nodeId.strip();
        }
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
        }
        return host;
    }
}
