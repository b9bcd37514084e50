package vn.gov.national.simulator.vneid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When {@code sim.vneid.issuer} is set, the VNeID endpoints see that issuer's scheme, host and port instead of the
 * request's own, so the issuer (which Spring Authorization Server derives from the request in multi-issuer mode) and
 * every URL in the discovery document are the configured ones; this is what forwarded headers from a reverse proxy
 * would do. Spring Authorization Server forbids a fixed issuer together with {@code multipleIssuersAllowed}.
 */
final class FixedIssuerFilter extends OncePerRequestFilter {

    private final String scheme;

    private final String host;

    private final int port;

    FixedIssuerFilter(String issuer) {
        URI uri = validate(issuer);
        this.scheme = uri.getScheme();
        this.host = uri.getHost();
        this.port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
    }

    /** The issuer must be an absolute http(s) URL whose path is {@value VneidProperties#PATH}. */
    static URI validate(String issuer) {
        URI uri;
        try {
            uri = URI.create(issuer.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("sim.vneid.issuer is not a URL: " + issuer, ex);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !VneidProperties.PATH.equals(path) || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("sim.vneid.issuer must look like http(s)://host[:port]" + VneidProperties.PATH
                    + ", not " + issuer);
        }
        return uri;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public boolean isSecure() {
                return "https".equals(scheme);
            }

            @Override
            public StringBuffer getRequestURL() {
                boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
                return new StringBuffer(scheme).append("://").append(host).append(defaultPort ? "" : ":" + port)
                        .append(getRequestURI());
            }
        }, response);
    }
}
