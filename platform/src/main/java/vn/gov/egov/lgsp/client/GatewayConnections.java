package vn.gov.egov.lgsp.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.gov.egov.lgsp.LgspConnections;
import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.gateway.LgspHttpClients;
import vn.gov.egov.lgsp.registry.ServiceAddress;

@Component
class GatewayConnections implements LgspConnections {

    private static final String PLACEHOLDER_HOST = "lgsp-gateway.invalid";
    /** Connections to the gateway per national system's client. */
    private static final int MAX_CONNECTIONS = 64;

    private final LocalAddresses addresses;
    private final AccessTokens tokens;
    private final PlatformCredentials credentials;
    private final PlatformConsumer consumer;

    GatewayConnections(Environment environment, PlatformCredentials credentials, PlatformConsumer consumer) {
        this.addresses = new LocalAddresses(environment);
        this.credentials = credentials;
        this.consumer = consumer;
        this.tokens = new AccessTokens(credentials, addresses, Clock.systemUTC());
    }

    @Override
    public URI address(NationalSystem system) {
        return URI.create(addresses.gateway() + "/lgsp/r1/" + NationalAddresses.of(system).path());
    }

    @Override
    public RestClient.Builder restClient(NationalSystem system, Duration connectTimeout, Duration readTimeout) {
        ServiceAddress service = NationalAddresses.of(system);
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(httpClient(connectTimeout));
        requests.setReadTimeout(readTimeout);
        requests.setConnectionRequestTimeout(readTimeout);
        return RestClient.builder()
                .requestFactory(requests)
                // resolved per request: the gateway's address (this node's port) is known only once the server runs
                .requestInterceptor((original, body, execution) -> {
                    HttpRequest request = onGateway(original);
                    consumer.ensure();
                    String token = tokens.token();
                    request.getHeaders().setBearerAuth(token);
                    ClientHttpResponse response = execution.execute(request, body);
                    if (response.getStatusCode().value() == 401 && isTokenRefusal(response.getHeaders())) {
                        response.close();
                        tokens.refused(token);
                        request.getHeaders().setBearerAuth(tokens.token());
                        return execution.execute(request, body);
                    }
                    return response;
                })
                .baseUrl("http://" + PLACEHOLDER_HOST + "/lgsp/r1/" + service.path());
    }

    /**
     * Apache HttpClient rather than the JDK's: a call to the gateway is a short synchronous exchange on loopback or a
     * LAN, and the JDK client's asynchronous machinery cost more CPU than the call itself. Connections are pooled (the
     * gateway is one route); redirects are not followed.
     */
    private static CloseableHttpClient httpClient(Duration connectTimeout) {
        return LgspHttpClients.pooled(connectTimeout, MAX_CONNECTIONS);
    }

    @Override
    public String clientId() {
        return credentials.clientId();
    }

    private static boolean isTokenRefusal(HttpHeaders headers) {
        String error = headers.getFirst("X-Lgsp-Error");
        return error != null && error.startsWith("gateway.token_");
    }

    /**
     * Clients are made when their module starts, before this node's port is known: they address a placeholder host
     * that each request swaps for the gateway.
     */
    private HttpRequest onGateway(HttpRequest request) {
        URI uri = request.getURI();
        if (!PLACEHOLDER_HOST.equals(uri.getHost())) {
            return request;
        }
        URI actual = URI.create(addresses.gateway() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return actual;
            }
        };
    }
}
