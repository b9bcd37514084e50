package vn.gov.egov.lgsp.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.web.client.RestClient;
import vn.gov.egov.lgsp.registry.ServiceAddress;

/**
 * Clients for services on the LGSP. A client's base URL is the service's address on the gateway
 * ({@code <gateway>/lgsp/r1/provider/subsystem/service/version}); every request carries the platform's access token
 * (client credentials, renewed before it expires). Gateway refusals come back as 4xx/5xx with {@code X-Lgsp-Error}.
 */
public interface LgspConnections {

    /** The service's base address on the gateway. */
    URI address(ServiceAddress service);

    /**
     * A client builder for the service (base URL and token set; add converters or defaults as needed).
     *
     * @param connectTimeout how long to wait for a connection to the gateway
     * @param readTimeout    how long to wait for an answer (the gateway has its own timeout per service)
     */
    RestClient.Builder restClient(ServiceAddress service, Duration connectTimeout, Duration readTimeout);

    /** The SSO client id the platform calls with (the registry maps it to the platform's consumer system). */
    String clientId();
}
