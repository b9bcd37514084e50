package vn.gov.egov.lgsp;

import java.net.URI;
import java.time.Duration;
import org.springframework.web.client.RestClient;

/**
 * Clients for the national systems, through the LGSP (the platform as a consumer, like X-Road's client side). A client's base URL is the service's address on the gateway
 * ({@code <gateway>/lgsp/r1/provider/subsystem/service/version}); every request carries the platform's access token
 * (client credentials, renewed before it expires). Gateway refusals come back as 4xx/5xx with {@code X-Lgsp-Error}.
 */
public interface LgspConnections {

    /** The system's service's base address on the gateway. */
    URI address(NationalSystem system);

    /**
     * A client builder for the system's service (base URL and token set; add converters or defaults as needed).
     *
     * @param connectTimeout how long to wait for a connection to the gateway
     * @param readTimeout    how long to wait for an answer (the gateway has its own timeout per service)
     */
    RestClient.Builder restClient(NationalSystem system, Duration connectTimeout, Duration readTimeout);

    /** The SSO client id the platform calls with (the registry maps it to the platform's consumer system). */
    String clientId();
}
