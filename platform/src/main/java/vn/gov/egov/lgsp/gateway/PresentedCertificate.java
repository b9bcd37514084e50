package vn.gov.egov.lgsp.gateway;

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
 * Where the gateway finds the TLS client certificate of a call: the servlet container's
 * {@code jakarta.servlet.request.X509Certificate} when the gateway terminates TLS itself ({@code server.ssl.*},
 * {@code client-auth=want}); or, behind a TLS terminator, a header the terminator sets
 * ({@code egov.lgsp.gateway.client-certificate.header}), believed only when the connection comes from one of
 * {@code egov.lgsp.gateway.client-certificate.trusted-proxies} (addresses or CIDR ranges). The header may carry
 * RFC 9440's {@code :base64(DER):}, a URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}) or base64 DER. It never
 * crosses to the provider.
 */
final class PresentedCertificate {

    private final String header;
    private final List<IpAddressMatcher> trustedProxies;

    PresentedCertificate(String header, List<String> trustedProxies) {
        this.header = header == null || header.isBlank() ? null : header.strip();
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(IpAddressMatcher::new).toList();
        if (this.header != null && this.trustedProxies.isEmpty()) {
            throw new IllegalStateException("egov.lgsp.gateway.client-certificate.header is set: name the TLS terminators it is "
                    + "believed from in egov.lgsp.gateway.client-certificate.trusted-proxies (addresses or CIDR ranges)");
        }
    }

    /** Whether {@code name} is the terminator's certificate header (never forwarded to the provider). */
    boolean isHeader(String name) {
        return header != null && header.equalsIgnoreCase(name);
    }

    /** The presented chain (leaf first), or null when none was presented (or the header came from elsewhere). */
    Object of(HttpServletRequest request) {
        Object fromContainer = request.getAttribute(ClientCertificateCheck.ATTRIBUTE);
        if (fromContainer != null || header == null) {
            return fromContainer;
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

    X509Certificate parse(String value) {
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
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_MISSING, "Không đọc được chứng thư số máy khách do bộ kết "
                    + "thúc TLS chuyển tới trong tiêu đề " + header);
        }
    }
}
