package vn.gov.egov.lgsp.gateway;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.gov.egov.identity.PresentedCertificate;
import vn.gov.egov.lgsp.registry.ClientCertificate;

/**
 * Mutual TLS, optional per consumer system: when the registry holds client certificates for the calling system, the
 * TLS client certificate presented on the connection ({@link PresentedCertificate}) must be one of them (SHA-256 thumbprint)
 * and valid now; when the access token is bound to a certificate (RFC 8705 {@code cnf.x5t#S256}), the presented
 * certificate must be that one. Refusals: {@code gateway.client_certificate}, 401 when none was presented, 403 when it
 * does not match or is not valid now. A system without registered certificates and an unbound token cost nothing.
 */
final class ClientCertificateCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private ClientCertificateCheck() {
    }

    static void check(Supplier<Object> presentedChain, List<ClientCertificate> registered, Jwt jwt, String consumerName, Instant now) {
        String bound = PresentedCertificate.boundThumbprint(jwt.getClaims());
        if (registered.isEmpty() && bound == null) {
            return;
        }
        X509Certificate presented = first(presentedChain.get());
        if (presented == null) {
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_MISSING, registered.isEmpty()
                    ? "Mã truy cập gắn với một chứng thư số (cnf.x5t#S256): phải gọi qua HTTPS và trình chứng thư đó"
                    : "Hệ thống " + consumerName + " đã đăng ký chứng thư số máy khách: phải gọi qua HTTPS và trình chứng thư "
                    + "đó (TLS hai chiều); kết nối này không trình chứng thư nào");
        }
        String thumbprint = ClientCertificate.thumbprintOf(presented);
        if (!registered.isEmpty() && registered.stream().noneMatch(c -> c.thumbprint().equals(thumbprint))) {
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_MISMATCH, "Chứng thư số đã trình (SHA-256 " + thumbprint
                    + ") không phải chứng thư đã đăng ký cho hệ thống " + consumerName);
        }
        if (now.isBefore(presented.getNotBefore().toInstant()) || now.isAfter(presented.getNotAfter().toInstant())) {
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_EXPIRED, "Chứng thư số đã trình (SHA-256 " + thumbprint
                    + ") chỉ có hiệu lực từ " + DAY.format(presented.getNotBefore().toInstant()) + " đến "
                    + DAY.format(presented.getNotAfter().toInstant()) + ": hãy đăng ký và dùng chứng thư mới");
        }
        if (bound != null && !bound.equals(thumbprint)) {
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_MISMATCH, "Mã truy cập gắn với chứng thư số khác "
                    + "(cnf.x5t#S256) với chứng thư đã trình (SHA-256 " + thumbprint + ")");
        }
    }

    private static X509Certificate first(Object chain) {
        if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
            return certificates[0];
        }
        return null;
    }
}
