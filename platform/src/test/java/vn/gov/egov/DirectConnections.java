package vn.gov.egov;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import vn.gov.egov.lgsp.LgspConnections;
import vn.gov.egov.lgsp.NationalSystem;

/**
 * For tests of an adapter against a stand-in server (slow, failing, closed port): a connection straight to that
 * server instead of through the gateway, so that the adapter's own handling of answers and failures is what is tested.
 */
public record DirectConnections(String baseUrl) implements LgspConnections {

    public static LgspConnections to(String baseUrl) {
        return new DirectConnections(baseUrl);
    }

    @Override
    public URI address(NationalSystem system) {
        return URI.create(baseUrl);
    }

    @Override
    public RestClient.Builder restClient(NationalSystem system, Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests);
    }

    @Override
    public String clientId() {
        return "direct-test-connection";
    }
}
