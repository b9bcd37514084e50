package vn.gov.egov.signing;

import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Revocation lists for validation: the test CA's own (produced here), and, when {@code egov.signing.online-revocation}
 * is on, those other certificates name in their CRL distribution points (fetched over HTTP, kept until their next update).
 */
@Component
class RevocationLists implements CRLSource {

    private static final Logger log = LoggerFactory.getLogger(RevocationLists.class);

    private record Fetched(byte[] der, Instant until) {
    }

    private final TestCertificateAuthority testCa;
    private final boolean online;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    RevocationLists(TestCertificateAuthority testCa, SigningProperties properties) {
        this.testCa = testCa;
        this.online = properties.onlineRevocation();
    }

    @Override
    public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        if (certificate == null || issuer == null) {
            return null;
        }
        try {
            if (testCa.isAuthorityOf(issuer.getCertificate())) {
                return token(certificate, issuer, testCa.revocationList());
            }
            if (!online) {
                return null;
            }
            for (String address : distributionPoints(certificate)) {
                byte[] crl = fetch(address);
                if (crl != null) {
                    return token(certificate, issuer, crl);
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            log.warn("No revocation list for {}: {}", certificate.getDSSIdAsString(), e.toString());
        }
        return null;
    }

    private static CRLToken token(CertificateToken certificate, CertificateToken issuer, byte[] crl) throws java.io.IOException {
        CRLToken token = new CRLToken(certificate, CRLUtils.buildCRLValidity(CRLUtils.buildCRLBinary(crl), issuer));
        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
        return token;
    }

    private byte[] fetch(String address) {
        Fetched known = fetched.get(address);
        if (known != null && known.until().isAfter(Instant.now())) {
            return known.der();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("Revocation list {} answered {}", address, response.statusCode());
                return null;
            }
            byte[] der = response.body();
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            Instant until = crl.getNextUpdate() == null ? Instant.now().plus(Duration.ofHours(1)) : crl.getNextUpdate().toInstant();
            fetched.put(address, new Fetched(der, until));
            return der;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            log.warn("Revocation list {} could not be fetched: {}", address, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> distributionPoints(CertificateToken certificate) {
        byte[] extension = certificate.getCertificate().getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<String> addresses = new ArrayList<>();
        if (extension == null) {
            return addresses;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    String value = general.getName().toString();
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier && value.startsWith("http")) {
                        addresses.add(value);
                    }
                }
            }
        }
        return addresses;
    }
}
