package vn.gov.egov.lgsp.client;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the gateway and the SSO's token endpoint are: configured ({@code egov.lgsp.client.gateway-url},
 * {@code egov.lgsp.client.token-url}) when the gateway runs as its own process, else this node itself (read when
 * first needed: the port is known only once the web server runs). Resolved once: every national call asks.
 */
class LocalAddresses {

    private final Environment environment;
    private volatile String gateway;
    private volatile String tokenEndpoint;

    LocalAddresses(Environment environment) {
        this.environment = environment;
    }

    String gateway() {
        String known = gateway;
        if (known != null) {
            return known;
        }
        String configured = environment.getProperty("egov.lgsp.client.gateway-url");
        return remember(StringUtils.hasText(configured) ? trimSlash(configured) : self(), true);
    }

    String tokenEndpoint() {
        String known = tokenEndpoint;
        if (known != null) {
            return known;
        }
        String configured = environment.getProperty("egov.lgsp.client.token-url");
        return remember(StringUtils.hasText(configured) ? configured : self() + "/oauth2/token", false);
    }

    /** Kept only once it no longer depends on a port still unknown (before the web server runs, the configured one). */
    private String remember(String address, boolean isGateway) {
        boolean settled = environment.getProperty("local.server.port") != null
                || StringUtils.hasText(environment.getProperty(isGateway ? "egov.lgsp.client.gateway-url" : "egov.lgsp.client.token-url"));
        if (settled) {
            if (isGateway) {
                gateway = address;
            } else {
                tokenEndpoint = address;
            }
        }
        return address;
    }

    private String self() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        return "http://127.0.0.1:" + port + trimSlash(context);
    }

    private static String trimSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
