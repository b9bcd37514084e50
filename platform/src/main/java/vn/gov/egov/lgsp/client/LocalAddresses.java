package vn.gov.egov.lgsp.client;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the gateway and the SSO's token endpoint are: configured ({@code egov.lgsp.client.gateway-url},
 * {@code egov.lgsp.client.token-url}) when the gateway runs as its own process, else this node itself (read when
 * first needed: the port is known only once the web server runs).
 */
class LocalAddresses {

    private final Environment environment;

    LocalAddresses(Environment environment) {
        this.environment = environment;
    }

    String gateway() {
        String configured = environment.getProperty("egov.lgsp.client.gateway-url");
        return StringUtils.hasText(configured) ? trimSlash(configured) : self();
    }

    String tokenEndpoint() {
        String configured = environment.getProperty("egov.lgsp.client.token-url");
        return StringUtils.hasText(configured) ? configured : self() + "/oauth2/token";
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
