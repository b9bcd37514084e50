package vn.gov.egov.lgsp.gateway;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The gateway's calls to providers on the LGSP's pooled HTTP connections ({@link LgspHttpClients}), blocking on the
 * caller's thread (no hand-over to a selector thread); the answer read up to its size limit.
 */
final class ApacheProviderClient implements ProviderClient {

    private final CloseableHttpClient client;
    private final long maxResponseBytes;

    ApacheProviderClient(Duration connectTimeout, int maxConnections, long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.client = LgspHttpClients.pooled(connectTimeout, maxConnections);
    }

    @Override
    public Answer call(String method, URI target, List<String[]> headers, byte[] body, Duration timeout) {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(target);
        for (String[] header : headers) {
            request.addHeader(header[0], header[1]);
        }
        if (body.length > 0 || !(method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
                || method.equals("OPTIONS"))) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout)).build());
        try {
            return client.execute(request.build(), context, response -> {
                List<String[]> answerHeaders = new ArrayList<>();
                for (Header header : response.getHeaders()) {
                    answerHeaders.add(new String[] {header.getName(), header.getValue()});
                }
                byte[] answer = response.getEntity() == null ? new byte[0]
                        : ProviderClient.readLimited(response.getEntity().getContent(), maxResponseBytes);
                return new Answer(response.getCode(), answerHeaders, answer);
            });
        } catch (ConnectTimeoutException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_UNREACHABLE, "Không kết nối được tới bên cung cấp (quá thời gian kết nối)");
        } catch (SocketTimeoutException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_TIMEOUT,
                    "Bên cung cấp không trả lời trong " + timeout.toMillis() + " ms");
        } catch (InterruptedIOException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_TIMEOUT, "Bên cung cấp không trả lời kịp");
        } catch (IOException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_UNREACHABLE, "Không kết nối được tới bên cung cấp");
        }
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }

}
