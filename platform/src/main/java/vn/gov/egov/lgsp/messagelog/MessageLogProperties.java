package vn.gov.egov.lgsp.messagelog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message log ({@code egov.lgsp.messagelog.*}).
 *
 * @param nodeId        this node's chain; empty: the host name. Two processes on one host need different ids
 *                      (they would still be correct, but would wait for each other's batches)
 * @param queueCapacity records queued before {@code record} starts waiting for the writer
 * @param fullQueueWait how long {@code record} waits on a full queue before queueing anyway (nothing is dropped)
 * @param batchSize     records per transaction
 */
@ConfigurationProperties("egov.lgsp.messagelog")
record MessageLogProperties(String nodeId,
                            @DefaultValue("100000") int queueCapacity,
                            @DefaultValue("1s") Duration fullQueueWait,
                            @DefaultValue("500") int batchSize) {

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
