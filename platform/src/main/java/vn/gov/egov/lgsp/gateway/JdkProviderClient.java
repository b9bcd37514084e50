package vn.gov.egov.lgsp.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The JDK's HttpClient (HTTP/1.1, kept-alive connections, no redirects): the alternative measured against Apache's. */
final class JdkProviderClient implements ProviderClient {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private final HttpClient client;
    private final long maxResponseBytes;

    JdkProviderClient(Duration connectTimeout, long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
    }

    @Override
    public Answer call(String method, URI target, List<String[]> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String[] header : headers) {
            if (!RESTRICTED.contains(header[0].toLowerCase(java.util.Locale.ROOT))) {
                request.header(header[0], header[1]);
            }
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            List<String[]> answerHeaders = new ArrayList<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    values.forEach(v -> answerHeaders.add(new String[] {name, v}));
                }
            });
            byte[] answer;
            try (InputStream in = response.body()) {
                answer = ProviderClient.readLimited(in, maxResponseBytes);
            }
            return new Answer(response.statusCode(), answerHeaders, answer);
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_UNREACHABLE, "Không kết nối được tới bên cung cấp (quá thời gian kết nối)");
        } catch (HttpTimeoutException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_TIMEOUT, "Bên cung cấp không trả lời trong " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new GatewayRefusal(GatewayError.PROVIDER_UNREACHABLE, "Không kết nối được tới bên cung cấp");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayRefusal(GatewayError.PROVIDER_TIMEOUT, "Cuộc gọi bị ngắt");
        }
    }
}
