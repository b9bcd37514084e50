package vn.gov.egov.lgsp.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LGSP monitoring ({@code egov.lgsp.monitoring.*}).
 *
 * @param nodeId this node's name in alerts about node-local state (circuits, the message-log queue); empty: the host
 *               name
 * @param alerts when alerts open
 */
@ConfigurationProperties("egov.lgsp.monitoring")
record MonitoringProperties(String nodeId, @DefaultValue Alerts alerts) {

    /**
     * @param interval            how often conditions are evaluated (also {@code egov.lgsp.monitoring.alerts.interval}
     *                            for the schedule; {@code PT30S} by default)
     * @param providerWindow      the window over which a provider's error rate is computed
     * @param providerErrorRate   provider errors over calls (0..1) at which a provider counts as failing
     * @param providerMinCalls    calls needed in the window before the error rate counts
     * @param backlog             events waiting in a subscription above which it is backing up
     * @param lag                 age of a subscription's oldest waiting event above which it is backing up
     * @param messageLogQueueFill message-log queue size over capacity (0..1) above which the log is falling behind
     */
    record Alerts(@DefaultValue("PT30S") Duration interval,
                  @DefaultValue("PT5M") Duration providerWindow,
                  @DefaultValue("0.5") double providerErrorRate,
                  @DefaultValue("20") int providerMinCalls,
                  @DefaultValue("1000") long backlog,
                  @DefaultValue("PT5M") Duration lag,
                  @DefaultValue("0.8") double messageLogQueueFill,
                  @DefaultValue("PT30M") Duration mailQuiet) {
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
