package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.gov.egov.identity.PresentedCertificate;

/** The client certificate behind a TLS terminator: from the configured header, believed only from the configured proxies. */
class PresentedCertificateTest {

    private static final String PROPERTIES = "egov.lgsp.gateway.client-certificate";
    private static final TestCertificates CA = new TestCertificates("CA kiểm thử bộ kết thúc TLS");
    private final TestCertificates.Issued client = CA.client("sau-proxy");
    private final PresentedCertificate behindProxy = new PresentedCertificate("X-Client-Cert", List.of("10.0.0.0/8", "192.168.1.5"), PROPERTIES);

    @Test
    void theContainersCertificateWinsAndWithoutAHeaderConfiguredNothingElseIsRead() throws Exception {
        X509Certificate[] chain = {client.certificate()};
        MockHttpServletRequest request = request("10.1.2.3", rfc9440());
        request.setAttribute(PresentedCertificate.ATTRIBUTE, chain);
        assertThat(behindProxy.of(request)).isSameAs(chain);
        PresentedCertificate containerOnly = new PresentedCertificate("", List.of(), PROPERTIES);
        assertThat(containerOnly.of(request("10.1.2.3", rfc9440()))).isNull();
        assertThat(containerOnly.isHeader("X-Client-Cert")).isFalse();
    }

    @Test
    void aTrustedProxysHeaderIsReadInEachFormat() throws Exception {
        String escapedPem = URLEncoder.encode(client.certificatePem(), StandardCharsets.UTF_8);
        String base64Der = Base64.getEncoder().encodeToString(client.certificate().getEncoded());
        for (String value : List.of(rfc9440(), escapedPem, base64Der)) {
            Object chain = behindProxy.of(request("10.200.0.1", value));
            assertThat(chain).isInstanceOfSatisfying(X509Certificate[].class,
                    c -> assertThat(c[0]).as(value).isEqualTo(client.certificate()));
        }
        assertThat(behindProxy.of(request("192.168.1.5", rfc9440()))).isNotNull();
        assertThat(behindProxy.isHeader("x-client-cert")).as("never forwarded to the provider").isTrue();
    }

    @Test
    void theHeaderFromAnyOtherAddressIsIgnoredAndGarbageIsAPreciseRefusal() throws Exception {
        assertThat(behindProxy.of(request("192.168.1.6", rfc9440()))).as("a consumer cannot claim a certificate by header").isNull();
        assertThat(behindProxy.of(request("203.0.113.9", rfc9440()))).isNull();
        assertThatThrownBy(() -> behindProxy.of(request("10.0.0.1", ":bm90IGEgY2VydA==:")))
                .isInstanceOf(PresentedCertificate.Unreadable.class).hasMessageContaining("X-Client-Cert");
        assertThatThrownBy(() -> new PresentedCertificate("X-Client-Cert", List.of(), PROPERTIES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("egov.lgsp.gateway.client-certificate.trusted-proxies");
    }

    private String rfc9440() throws Exception {
        return ":" + Base64.getEncoder().encodeToString(client.certificate().getEncoded()) + ":";
    }

    private static MockHttpServletRequest request(String remoteAddress, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lgsp/r1/A/B/c/v1/x");
        request.setRemoteAddr(remoteAddress);
        request.addHeader("X-Client-Cert", header);
        return request;
    }
}
