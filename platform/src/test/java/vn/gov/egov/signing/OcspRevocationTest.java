package vn.gov.egov.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSRevocationUtils;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;

/**
 * Revocation by OCSP (RFC 6960): the test CA's public responder answers good, revoked and unknown with the request's
 * nonce; and a signature made with a key from another certificate authority (as an agency's CA would issue it) is
 * validated against that authority's own responder over HTTP: valid while the responder says good, not valid once it
 * says revoked, and a replayed answer (another request's nonce) or a broken responder is not believed.
 */
class OcspRevocationTest extends PlatformTest {

    @Autowired
    TestCertificateAuthority testCa;

    @Autowired
    OfficialPapers papers;

    @Autowired
    RevocationLists revocationLists;

    private final SignerDetails director = new SignerDetails("Hoàng Văn Kiểm", "Giám đốc", null, "Ký thử nghiệm OCSP");

    @Test
    void theTestCasResponderAnswersGoodRevokedAndUnknownWithTheNonce() throws Exception {
        AgencyKey key = testCa.keyOf(new SigningAgency("OCSP-" + System.nanoTime() % 100_000, "Sở Thử nghiệm OCSP"), "test");
        X509Certificate leaf = key.certificate();
        X509Certificate ca = testCa.certificate();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca), leaf.getSerialNumber());
        assertThat(leaf.getExtensionValue(Extension.authorityInfoAccess.getId())).as("the responder is named in the certificate").isNotNull();

        BasicOCSPResp good = askOverHttp(id, "nonce-1");
        assertThat(good.getResponses()).singleElement().satisfies(single -> assertThat(single.getCertStatus()).isNull());
        assertThat(good.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.getPublicKey()))).isTrue();
        assertThat(good.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue())
                .isEqualTo(nonce("nonce-1").getExtnValue());
        assertThat(good.getResponses()[0].getNextUpdate()).isAfter(good.getResponses()[0].getThisUpdate());

        TestCertificateAuthority.IssuedCertificate issued = testCa.certificates().stream()
                .filter(c -> c.serial().equals(leaf.getSerialNumber().toString(16))).findFirst().orElseThrow();
        assertThat(testCa.revoke(issued.id(), "Thử thu hồi qua OCSP")).isTrue();
        BasicOCSPResp revoked = askOverHttp(id, "nonce-2");
        assertThat(revoked.getResponses()[0].getCertStatus()).isInstanceOfSatisfying(RevokedStatus.class,
                status -> assertThat(status.getRevocationTime()).isCloseTo(Date.from(Instant.now()), 60_000));

        CertificateID unknown = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca), BigInteger.valueOf(42));
        assertThat(askOverHttp(unknown, "nonce-3").getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);

        HttpResponse<byte[]> malformed = post(uri("/signing/test-ca/ocsp"), "không phải yêu cầu OCSP".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(malformed.body()).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        OCSPReqBuilder many = new OCSPReqBuilder();
        for (int i = 0; i <= TestCertificateAuthority.OCSP_MAX_ASKED; i++) {
            many.addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(ca), BigInteger.valueOf(1000 + i)));
        }
        assertThat(new OCSPResp(post(uri("/signing/test-ca/ocsp"), many.build().getEncoded()).body()).getStatus())
                .as("too many certificates in one request").isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
    }

    @Test
    void aSignatureFromAnotherAuthorityIsCheckedWithItsResponderOverHttp() throws Exception {
        OutsideAuthority authority = new OutsideAuthority();
        try {
            Path p12 = authority.agencyKeystore();
            Path anchor = Files.createTempFile("ocsp-ca", ".pem");
            Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(authority.ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            SigningProperties production = new SigningProperties(SigningProperties.KeySource.KEYSTORE, false, "RSA", Duration.ofDays(365),
                    null, List.of(new SigningProperties.Keystore(List.of("*"), "PKCS12", p12.toString(), "mat-khau", null)),
                    List.of(anchor.toString()), true);
            SigningAgency agency = new SigningAgency("000.00.21.H99", "Sở Thử nghiệm CA ngoài");

            authority.status.set(CertificateStatus.GOOD);
            byte[] signed = signing(production).sign(agency, paper(), director).content();
            int asked = authority.requests.get();
            PdfValidation valid = signing(production).validate(signed);
            assertThat(valid.valid()).as(String.join("; ", valid.reasons())).isTrue();
            assertThat(authority.requests.get()).as("the responder named in the certificate was asked").isGreaterThan(asked);

            authority.status.set(new RevokedStatus(new Date(), CRLReason.keyCompromise));
            PdfValidation revoked = signing(production).validate(signed);
            assertThat(revoked.valid()).isFalse();
            assertThat(revoked.reasons()).anySatisfy(reason -> assertThat(reason).contains("đã bị thu hồi"));

            // an answer about another request (a replay) or a broken responder is not believed
            OcspResponses ocsp = new OcspResponses(testCa, production);
            CertificateID id = DSSRevocationUtils.getOCSPCertificateID(new CertificateToken(authority.leaf), new CertificateToken(authority.ca),
                    DigestAlgorithm.SHA1);
            assertThat(ocsp.ask(authority.address(), id)).as("a fresh answer").isNotNull();
            authority.replay.set(true);
            assertThat(ocsp.ask(authority.address(), id)).as("another request's nonce").isNull();
            authority.replay.set(false);
            authority.broken.set(true);
            assertThat(ocsp.ask(authority.address(), id)).as("HTTP 500").isNull();
            assertThat(ocsp.getRevocationToken(new CertificateToken(authority.leaf), new CertificateToken(authority.ca)))
                    .as("no responder answers: the revocation lists are left to serve").isNull();
            assertThat(ocsp.ask("ldap://ca.example/ocsp", id)).as("not an http(s) address").isNull();

            authority.broken.set(false);
            authority.status.set(CertificateStatus.GOOD);
            OCSPToken token = ocsp.getRevocationToken(new CertificateToken(authority.leaf), new CertificateToken(authority.ca));
            assertThat(token).isNotNull();
            assertThat(token.getStatus().isGood()).isTrue();
            int before = authority.requests.get();
            assertThat(ocsp.getRevocationToken(new CertificateToken(authority.leaf), new CertificateToken(authority.ca))).isNotNull();
            assertThat(authority.requests.get()).as("kept until its next update").isEqualTo(before);
        } finally {
            authority.stop();
        }
    }

    private DssPdfSigning signing(SigningProperties properties) {
        return new DssPdfSigning(new AgencyKeys(properties, testCa), revocationLists, new OcspResponses(testCa, properties), properties,
                papers, "Lạng Sơn");
    }

    private byte[] paper() {
        return papers.render(new Paper("UBND TỈNH LẠNG SƠN", "SỞ THỬ NGHIỆM", null, null, "Giấy thử thu hồi qua OCSP", null,
                List.of(new Block.Paragraph("Chứng thư số do tổ chức chứng thực bên ngoài cấp.")), null, null));
    }

    private BasicOCSPResp askOverHttp(CertificateID id, String nonce) throws Exception {
        byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonce(nonce))).build().getEncoded();
        HttpResponse<byte[]> response = post(uri("/signing/test-ca/ocsp"), request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OcspResponses.RESPONSE_TYPE);
        OCSPResp answer = new OCSPResp(response.body());
        assertThat(answer.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) answer.getResponseObject();
    }

    private HttpResponse<byte[]> post(URI address, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(address).header("Content-Type", OcspResponses.REQUEST_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Extension nonce(String text) throws java.io.IOException {
        return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    /** Another certificate authority with its own OCSP responder on a local port, answering what the test sets. */
    private static final class OutsideAuthority {

        final AtomicReference<CertificateStatus> status = new AtomicReference<>(CertificateStatus.GOOD);
        final AtomicInteger requests = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean replay = new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        final HttpServer responder;
        final KeyPair caKeys;
        final X509Certificate ca;
        final KeyPair leafKeys;
        final X509Certificate leaf;
        private volatile byte[] firstAnswer;

        OutsideAuthority() throws Exception {
            responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            caKeys = generator.generateKeyPair();
            leafKeys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name("C=VN,O=Tổ chức chứng thực thử nghiệm bên ngoài,CN=CA ngoài thử nghiệm");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(caKeys.getPublic()))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
            leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(now.toEpochMilli() + 1),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("C=VN,O=Sở Thử nghiệm CA ngoài,CN=Sở Thử nghiệm CA ngoài"), leafKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                            AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                            "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp"))))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
            responder.createContext("/ocsp", exchange -> {
                requests.incrementAndGet();
                byte[] body;
                try {
                    body = broken.get() ? null : answer(exchange.getRequestBody().readAllBytes());
                } catch (Exception e) {
                    body = null;
                }
                if (body == null) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", OcspResponses.RESPONSE_TYPE);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            responder.start();
        }

        String address() {
            return "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp";
        }

        private byte[] answer(byte[] request) throws Exception {
            if (replay.get() && firstAnswer != null) {
                return firstAnswer;
            }
            OCSPReq parsed = new OCSPReq(request);
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ca.getPublicKey(),
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            for (Req req : parsed.getRequestList()) {
                builder.addResponse(req.getCertID(), status.get(), Date.from(now), Date.from(now.plus(Duration.ofMinutes(10))), null);
            }
            Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            byte[] encoded = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()), new X509CertificateHolder[] {caHolder},
                    Date.from(now))).getEncoded();
            if (firstAnswer == null) {
                firstAnswer = encoded;
            }
            return encoded;
        }

        /** The agency's key and certificate chain in a PKCS#12 file, as the authority would hand it over. */
        Path agencyKeystore() throws Exception {
            Path p12 = Files.createTempFile("ocsp-agency", ".p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("so", leafKeys.getPrivate(), "mat-khau".toCharArray(), new Certificate[] {leaf, ca});
            try (OutputStream out = Files.newOutputStream(p12)) {
                store.store(out, "mat-khau".toCharArray());
            }
            return p12;
        }

        void stop() {
            responder.stop(0);
        }
    }
}
