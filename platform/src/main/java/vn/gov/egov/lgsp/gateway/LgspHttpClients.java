package vn.gov.egov.lgsp.gateway;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The LGSP's HTTP connections, on both sides of the gateway (the gateway to providers, the platform's own clients to
 * the gateway): Apache HttpClient 5 classic, blocking on the caller's thread, with a pool kept alive between calls
 * (connections re-checked after 2 s idle, closed after 30 s idle or 5 minutes); no redirects, retries, cookies,
 * decompression, cached authentication or default user agent: what crosses is exactly what the caller sent.
 */
public final class LgspHttpClients {

    private LgspHttpClients() {
    }

    public static CloseableHttpClient pooled(Duration connectTimeout, int maxConnections) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setValidateAfterInactivity(Timeout.ofSeconds(2))
                                .setTimeToLive(Timeout.ofMinutes(5)).build())
                        .build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().disableDefaultUserAgent()
                .evictIdleConnections(Timeout.ofSeconds(30))
                .build();
    }
}
