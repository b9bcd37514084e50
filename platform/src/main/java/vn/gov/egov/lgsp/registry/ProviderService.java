package vn.gov.egov.lgsp.registry;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * A registered service as the gateway needs it. {@code endpoint} is the provider's internal base address: the
 * gateway forwards only beneath it (never shown in the public catalog). Limits: a call waits at most
 * {@code timeout}; each consumer may make {@code ratePerSecond} calls per second with bursts up to {@code burst};
 * request bodies are at most {@code maxRequestBytes}. {@code logBodies}: bodies are kept (sealed) in the message log.
 */
public record ProviderService(
        UUID id,
        ServiceAddress address,
        Protocol protocol,
        ServiceState state,
        URI endpoint,
        Duration timeout,
        int ratePerSecond,
        int burst,
        long maxRequestBytes,
        boolean logBodies,
        SecurityLevel securityLevel) {
}
