package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.gov.egov.lgsp.registry.ClientCertificate;

class ClientCertificateCheckTest {

    private static final TestCertificates CA = new TestCertificates("CA kiểm thử mTLS");
    private final TestCertificates.Issued mine = CA.client("he-thong-a");
    private final TestCertificates.Issued other = CA.client("he-thong-b");
    private final Instant now = Instant.now();

    @Test
    void aSystemWithoutRegisteredCertificatesAndAnUnboundTokenIsNotAskedForOne() {
        assertThatNoException().isThrownBy(() -> ClientCertificateCheck.check(() -> {
            throw new AssertionError("the connection's certificate is not even read");
        }, List.of(), token(null), "A/APP", now));
    }

    @Test
    void aSystemWithARegisteredCertificateMustPresentThatOne() {
        List<ClientCertificate> registered = List.of(registered(mine.certificate()));
        assertThatNoException().isThrownBy(() -> ClientCertificateCheck.check(() -> chain(mine), registered, token(null), "A/APP", now));
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> null, registered, token(null), "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> {
                    assertThat(r.error).isEqualTo(GatewayError.CLIENT_CERTIFICATE_MISSING);
                    assertThat(r.error.status).isEqualTo(401);
                    assertThat(r.error.errorClass).isEqualTo("gateway.client_certificate");
                    assertThat(r.getMessage()).contains("A/APP", "không trình chứng thư nào");
                });
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> chain(other), registered, token(null), "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> {
                    assertThat(r.error).isEqualTo(GatewayError.CLIENT_CERTIFICATE_MISMATCH);
                    assertThat(r.error.status).isEqualTo(403);
                    assertThat(r.getMessage()).contains(ClientCertificate.thumbprintOf(other.certificate()), "không phải chứng thư đã đăng ký");
                });
    }

    @Test
    void anExpiredRegisteredCertificateIsRefusedAsExpired() {
        TestCertificates.Issued old = CA.client("cu", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> chain(old), List.of(registered(old.certificate())), token(null),
                "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> {
                    assertThat(r.error).isEqualTo(GatewayError.CLIENT_CERTIFICATE_EXPIRED);
                    assertThat(r.error.status).isEqualTo(403);
                    assertThat(r.getMessage()).contains("chỉ có hiệu lực từ");
                });
    }

    @Test
    void aCertificateBoundTokenNeedsItsCertificateEvenForASystemWithoutRegisteredOnes() {
        Jwt bound = token(ClientCertificate.thumbprintOf(mine.certificate()));
        assertThat(vn.gov.egov.identity.PresentedCertificate.boundThumbprint(bound.getClaims())).isEqualTo(ClientCertificate.thumbprintOf(mine.certificate()));
        assertThatNoException().isThrownBy(() -> ClientCertificateCheck.check(() -> chain(mine), List.of(), bound, "A/APP", now));
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> null, List.of(), bound, "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> {
                    assertThat(r.error).isEqualTo(GatewayError.CLIENT_CERTIFICATE_MISSING);
                    assertThat(r.getMessage()).contains("cnf.x5t#S256");
                });
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> chain(other), List.of(), bound, "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> {
                    assertThat(r.error).isEqualTo(GatewayError.CLIENT_CERTIFICATE_MISMATCH);
                    assertThat(r.getMessage()).contains("cnf.x5t#S256");
                });
        // registered and bound: the presented certificate must be both
        assertThatThrownBy(() -> ClientCertificateCheck.check(() -> chain(other),
                List.of(registered(mine.certificate()), registered(other.certificate())), bound, "A/APP", now))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> assertThat(r.getMessage()).contains("cnf.x5t#S256"));
    }

    private static X509Certificate[] chain(TestCertificates.Issued issued) {
        return new X509Certificate[] {issued.certificate(), CA.authority().certificate()};
    }

    private static ClientCertificate registered(X509Certificate certificate) {
        return new ClientCertificate(UUID.randomUUID(), UUID.randomUUID(), ClientCertificate.thumbprintOf(certificate),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(), "1",
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), "test", Instant.now());
    }

    private static Jwt token(String boundThumbprint) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "ES256").subject("client").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        if (boundThumbprint != null) {
            jwt.claim("cnf", Map.of("x5t#S256", boundThumbprint));
        }
        return jwt.build();
    }
}
