package vn.gov.egov.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.DSSRevocationUtils;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * OCSP answers for validation (RFC 6960), asked before the revocation lists ({@link RevocationLists} serves when no
 * responder answers): the test CA answers in process about the certificates it issued; for other certificates, when
 * {@code egov.signing.online-revocation} is on, the responders their authority information access names are asked over
 * HTTP with a fresh nonce, and an answer is kept until its next update (at most an hour). DSS checks each answer's
 * signature, responder and freshness as part of the validation.
 */
@Component
class OcspResponses implements OCSPSource {

    private static final Logger log = LoggerFactory.getLogger(OcspResponses.class);
    static final String REQUEST_TYPE = "application/ocsp-request";
    static final String RESPONSE_TYPE = "application/ocsp-response";
    /** A responder's answer is a few kilobytes; more is not read. */
    private static final int MAX_RESPONSE = 64 * 1024;
    private static final Duration KEEP_AT_MOST = Duration.ofHours(1);
    private static final Duration KEEP_WITHOUT_NEXT_UPDATE = Duration.ofMinutes(5);
    private static final int KEEP_ENTRIES = 10_000;

    private record Kept(BasicOCSPResp response, Instant until) {
    }

    private final TestCertificateAuthority testCa;
    private final boolean online;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    OcspResponses(TestCertificateAuthority testCa, SigningProperties properties) {
        this.testCa = testCa;
        this.online = properties.onlineRevocation();
    }

    @Override
    public OCSPToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        if (certificate == null || issuer == null) {
            return null;
        }
        try {
            CertificateID id = DSSRevocationUtils.getOCSPCertificateID(certificate, issuer, DigestAlgorithm.SHA1);
            if (testCa != null && testCa.isAuthorityOf(issuer.getCertificate())) {
                return token(testCa.status(List.of(id), null), certificate, issuer);
            }
            if (!online) {
                return null;
            }
            String key = certificate.getDSSIdAsString();
            Kept known = kept.get(key);
            if (known != null && known.until().isAfter(Instant.now())) {
                return token(known.response(), certificate, issuer);
            }
            for (String address : CertificateExtensionsUtils.getOCSPAccessUrls(certificate)) {
                BasicOCSPResp answer = ask(address, id);
                OCSPToken token = answer == null ? null : token(answer, certificate, issuer);
                if (token != null) {
                    keep(key, answer, token.getNextUpdate() == null ? null : token.getNextUpdate().toInstant());
                    return token;
                }
            }
        } catch (RuntimeException e) {
            log.warn("No OCSP answer for {}: {}", certificate.getDSSIdAsString(), e.toString());
        }
        return null;
    }

    /**
     * Asks the responder at {@code address} about one certificate (POST, with a nonce); null when it cannot be reached,
     * answers with an error status, or echoes another nonce (a replayed answer).
     */
    BasicOCSPResp ask(String address, CertificateID id) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            log.warn("OCSP responder {} is not an address: not asked", address);
            return null;
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            log.warn("OCSP responder {} is not an http(s) address: not asked", address);
            return null;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        try {
            Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(bytes)));
            byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonce)).build().getEncoded();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", REQUEST_TYPE).header("Accept", RESPONSE_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE + 1);
            }
            if (response.statusCode() != 200 || body.length > MAX_RESPONSE) {
                log.warn("OCSP responder {} answered HTTP {} ({} bytes)", address, response.statusCode(), body.length);
                return null;
            }
            OCSPResp answer = new OCSPResp(body);
            if (answer.getStatus() != OCSPResp.SUCCESSFUL || !(answer.getResponseObject() instanceof BasicOCSPResp basic)) {
                log.warn("OCSP responder {} answered status {}", address, answer.getStatus());
                return null;
            }
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed != null && !echoed.getExtnValue().equals(nonce.getExtnValue())) {
                log.warn("OCSP responder {} answered with another request's nonce: refused as a replay", address);
                return null;
            }
            return basic;
        } catch (IOException | OCSPException | IllegalArgumentException e) {
            log.warn("OCSP responder {} not usable: {}", address, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The answer's single response about this certificate as DSS's token; null when the answer does not speak of it. */
    private static OCSPToken token(BasicOCSPResp answer, CertificateToken certificate, CertificateToken issuer) {
        SingleResp single = DSSRevocationUtils.getLatestSingleResponse(answer, certificate, issuer);
        if (single == null) {
            return null;
        }
        OCSPToken token = new OCSPToken(answer, single, certificate, issuer);
        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
        return token;
    }

    private void keep(String key, BasicOCSPResp answer, Instant nextUpdate) {
        Instant now = Instant.now();
        Instant until = nextUpdate == null ? now.plus(KEEP_WITHOUT_NEXT_UPDATE)
                : nextUpdate.isAfter(now.plus(KEEP_AT_MOST)) ? now.plus(KEEP_AT_MOST) : nextUpdate;
        if (kept.size() >= KEEP_ENTRIES) {
            kept.values().removeIf(k -> !k.until().isAfter(now));
        }
        if (kept.size() < KEEP_ENTRIES) {
            kept.put(key, new Kept(answer, until));
        }
    }
}
