package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Where the TLS client certificate of a request is found (the LGSP gateway's calls, the SSO's token requests): the
 * servlet container's {@value #ATTRIBUTE} when the platform terminates TLS itself ({@code server.ssl.*},
 * {@code client-auth=want}); or, behind a TLS terminator, a header the terminator sets ({@code <prefix>.header}),
 * believed only when the connection comes from one of {@code <prefix>.trusted-proxies} (addresses or CIDR ranges). The
 * header may carry RFC 9440's {@code :base64(DER):}, a URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}) or
 * base64 DER.
 */
public final class PresentedCertificate {

    /** The servlet request attribute holding the TLS client certificate chain (Tomcat sets it over HTTPS). */
    public static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final String header;
    private final List<IpAddressMatcher> trustedProxies;

    /**
     * @param header         the terminator's header, or empty: the container's certificate only
     * @param trustedProxies the terminators' addresses or CIDR ranges
     * @param properties     the configuration prefix these come from, for the start-up error
     */
    public PresentedCertificate(String header, List<String> trustedProxies, String properties) {
        this.header = header == null || header.isBlank() ? null : header.strip();
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(IpAddressMatcher::new).toList();
        if (this.header != null && this.trustedProxies.isEmpty()) {
            throw new IllegalStateException(properties + ".header is set: name the TLS terminators it is believed from in "
                    + properties + ".trusted-proxies (addresses or CIDR ranges)");
        }
    }

    /** A header that holds no certificate that can be read; the message names the header. */
    public static final class Unreadable extends IllegalArgumentException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** RFC 8705's {@code x5t#S256}: the certificate's SHA-256 thumbprint, base64url without padding. */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be encoded, or SHA-256 is missing", e);
        }
    }

    /**
     * The token's RFC 8705 binding: its {@code cnf.x5t#S256} claim, or null when it is not bound to a certificate.
     *
     * @param claims the token's claims
     */
    public static String boundThumbprint(java.util.Map<String, Object> claims) {
        if (claims.get("cnf") instanceof java.util.Map<?, ?> confirmation && confirmation.get("x5t#S256") instanceof String text
                && !text.isBlank()) {
            return text.strip();
        }
        return null;
    }

    /** The chain presented on the request being served on this thread, or null outside a request or when none was presented. */
    public X509Certificate[] ofCurrentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes ? of(attributes.getRequest()) : null;
    }

    /** Whether {@code name} is the terminator's certificate header (the gateway never forwards it to the provider). */
    public boolean isHeader(String name) {
        return header != null && header.equalsIgnoreCase(name);
    }

    /**
     * The presented chain (leaf first), or null when none was presented (or the header came from elsewhere); throws
     * {@link Unreadable} when a trusted terminator's header cannot be read.
     */
    public X509Certificate[] of(HttpServletRequest request) {
        Object fromContainer = request.getAttribute(ATTRIBUTE);
        if (fromContainer instanceof X509Certificate[] chain && chain.length > 0) {
            return chain;
        }
        if (header == null) {
            return null;
        }
        String value = request.getHeader(header);
        if (value == null || value.isBlank() || !trusted(request.getRemoteAddr())) {
            return null;
        }
        return new X509Certificate[] {parse(value.strip())};
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher proxy : trustedProxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private X509Certificate parse(String value) {
        try {
            byte[] bytes;
            if (value.startsWith(":") && value.endsWith(":") && value.length() > 2) {
                bytes = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
            } else {
                String text = value.contains("%") ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
                bytes = text.toUpperCase(Locale.ROOT).contains("-----BEGIN CERTIFICATE-----") ? text.getBytes(StandardCharsets.US_ASCII)
                        : Base64.getMimeDecoder().decode(text);
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new Unreadable("Không đọc được chứng thư số máy khách do bộ kết thúc TLS chuyển tới trong tiêu đề " + header);
        }
    }
}
