package vn.gov.egov.lgsp.messagelog;

/**
 * Calls through the gateway in a window, for one service or one consumer (cluster-wide: every node's records).
 * Latencies in microseconds; provider latency only over calls that reached the provider (0 when none did).
 *
 * @param key            the service address path or the consumer ({@code member/subsystem}); null for calls that
 *                       named none
 * @param gatewayErrors  calls the LGSP refused or failed ({@code gateway.*})
 * @param providerErrors calls the provider failed ({@code provider.*})
 */
public record CallFigures(String key, long calls, long gatewayErrors, long providerErrors,
                          long totalP50Micros, long totalP95Micros, long totalP99Micros,
                          long providerP50Micros, long providerP95Micros, long providerP99Micros,
                          long requestBytes, long responseBytes) {

    /** Errors of both sides over calls, 0..1. */
    public double errorRate() {
        return calls == 0 ? 0 : (double) (gatewayErrors + providerErrors) / calls;
    }

    /** Provider errors over calls, 0..1. */
    public double providerErrorRate() {
        return calls == 0 ? 0 : (double) providerErrors / calls;
    }
}
