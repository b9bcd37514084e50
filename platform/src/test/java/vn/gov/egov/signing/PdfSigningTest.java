package vn.gov.egov.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.result.ResultIssue;
import vn.gov.egov.result.ResultType;
import vn.gov.egov.result.Results;

/** Agencies' signatures: PAdES round trip, and the certificates that must not sign. */
class PdfSigningTest extends PlatformTest {

    @Autowired
    PdfSigning signing;

    @Autowired
    TestCertificateAuthority testCa;

    @Autowired
    OfficialPapers papers;

    @Autowired
    Results results;

    @Autowired
    PersonalDocumentStore personalDocuments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningProperties properties;

    private final SignerDetails director = new SignerDetails("Nguyễn Văn Bình", "Giám đốc", null, "Ký thử nghiệm");

    private byte[] paper() {
        return papers.render(new Paper("UBND TỈNH LẠNG SƠN", "SỞ THỬ NGHIỆM", null, null, "Giấy thử ký số", null,
                List.of(new Block.Paragraph("Nội dung có dấu: Lạng Sơn, Đồng Đăng, Hữu Nghị.")), null, null));
    }

    private static SigningAgency newAgency(String name) {
        return new SigningAgency("T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), name);
    }

    @Test
    void aSignedPdfValidatesAsPadesBaselineBWithTheAgencysTestCertificate() throws Exception {
        SigningAgency agency = newAgency("Sở Thử nghiệm Ký số");
        Instant before = Instant.now();
        SignedPdf signed = signing.sign(agency, paper(), director);

        PdfValidation validation = signing.validate(signed.content());
        assertThat(validation.verdict()).as(validation.reasons().toString()).isEqualTo(PdfValidation.Verdict.VALID);
        assertThat(validation.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(validation.signatureLevel()).isEqualTo("PAdES-BASELINE-B").isEqualTo(signed.signatureLevel());
        assertThat(validation.signerSubject()).contains("Sở Thử nghiệm Ký số").contains(agency.code());
        assertThat(validation.signingTime()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(Duration.between(validation.certificateNotBefore(), validation.certificateNotAfter()))
                .isBetween(Duration.ofDays(364), Duration.ofDays(366));
        assertThat(validation.reasons()).isEmpty();
        try (PDDocument document = Loader.loadPDF(signed.content())) {
            PDSignature dictionary = document.getLastSignatureDictionary();
            assertThat(dictionary.getName()).isEqualTo("Nguyễn Văn Bình");
            assertThat(dictionary.getLocation()).isEqualTo("Lạng Sơn");
            assertThat(dictionary.getReason()).isEqualTo("Giám đốc – Ký thử nghiệm");
            assertThat(dictionary.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        }
        // the agency keeps its certificate: a second signature uses the same one (DSS's check of it is not repeated)
        // and validates as well
        SignedPdf second = signing.sign(agency, paper(), director);
        assertThat(second.certificateSerial()).isEqualTo(signed.certificateSerial());
        assertThat(signing.validate(second.content()).verdict()).isEqualTo(PdfValidation.Verdict.VALID);

        var listed = asAdmin("GET", "/api/v1/signing/certificates", null, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"serial\":\"" + signed.certificateSerial() + "\"").contains(agency.code())
                .contains("\"state\":\"VALID\"").contains("\"source\":\"TEST_CA\"");
    }

    @Test
    void aVisibleSignatureNeedsTheFieldItNamesAndAnAlreadySignedFieldIsNotSignedAgain() {
        SigningAgency agency = newAgency("Sở Thử nghiệm Ô chữ ký");
        SignerDetails visible = new SignerDetails("Nguyễn Văn Bình", "Giám đốc", null, "Ký thử nghiệm",
                vn.gov.egov.printing.Signature.DIGITAL_SIGNATURE_FIELD);
        // the paper has no signature field: refused, naming the field, and not blamed on the key
        assertThatThrownBy(() -> signing.sign(agency, paper(), visible)).isInstanceOf(SigningRefused.class)
                .hasMessageContaining("ô chữ ký số \"ChuKySo\"").hasMessageNotContaining("khóa ký số");
        byte[] withField = papers.render(new Paper("UBND TỈNH LẠNG SƠN", "SỞ THỬ NGHIỆM", null, null, "Giấy thử ký số", null,
                List.of(new Block.Paragraph("Nội dung.")), null,
                List.of(vn.gov.egov.printing.Signature.signedDigitally("GIÁM ĐỐC", "Nguyễn Văn Bình"))));
        SignedPdf signed = signing.sign(agency, withField, visible);
        assertThat(signing.validate(signed.content()).verdict()).isEqualTo(PdfValidation.Verdict.VALID);
        assertThatThrownBy(() -> signing.sign(agency, signed.content(), visible)).isInstanceOf(SigningRefused.class)
                .hasMessageContaining("ô chữ ký số \"ChuKySo\"");
    }

    @Test
    void aTamperedUnsignedOrForeignFileIsNotValid() {
        SignedPdf signed = signing.sign(newAgency("Sở Thử nghiệm Sửa tệp"), paper(), director);
        byte[] tampered = TamperedPdf.of(signed.content());
        PdfValidation validation = signing.validate(tampered);
        assertThat(validation.verdict()).isEqualTo(PdfValidation.Verdict.INVALID);
        assertThat(validation.subIndication()).isEqualTo("HASH_FAILURE");
        assertThat(validation.reasons()).singleElement().asString().contains("đã bị thay đổi sau khi ký");

        assertThat(signing.validate(paper()).verdict()).isEqualTo(PdfValidation.Verdict.NOT_SIGNED);
        assertThat(signing.validate(paper()).reasons()).containsExactly("Tệp PDF không có chữ ký số.");
        assertThat(signing.validate("Đây là văn bản, không phải PDF".repeat(5).getBytes(StandardCharsets.UTF_8)).verdict())
                .isEqualTo(PdfValidation.Verdict.NOT_A_PDF);
        assertThat(signing.validate(new byte[0]).verdict()).isEqualTo(PdfValidation.Verdict.NOT_A_PDF);
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsReasonAndNothingIsWritten() {
        SigningAgency agency = newAgency("Sở Thử nghiệm Hết hạn");
        Instant now = Instant.now();
        testCa.issue(agency, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), "test");

        assertThatThrownBy(() -> signing.sign(agency, paper(), director))
                .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo("EXPIRED"))
                .hasMessageContaining("Không thể ký: chứng thư số của Sở Thử nghiệm Hết hạn")
                .hasMessageContaining("đã hết hạn");

        UUID dossierId = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        String dossierCode = agency.code() + "-261127-0001";
        assertThatThrownBy(() -> results.issue(new ResultIssue(dossierId, dossierCode, "1.000001", "Thủ tục thử nghiệm",
                ResultType.LICENCE, agency.code(), agency.name(), "Trần Thị Hoa", account, null,
                new ResultIssue.Signer("Lê Văn Cường", "Giám đốc"), null, LocalDate.now(), null, "GIẤY PHÉP THỬ", List.of(),
                List.of(), List.of())))
                .isInstanceOf(SigningRefused.class).hasMessageContaining("đã hết hạn");
        assertThat(results.ofDossier(dossierId)).isEmpty();
        assertThat(personalDocuments.documents(DocumentOwner.citizen(account))).isEmpty();
        assertThat(jdbc.sql("select count(*) from attachment_reference where dossier_code = :code").param("code", dossierCode)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from result_document where dossier_code = :code").param("code", dossierCode)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        SigningAgency agency = newAgency("Sở Thử nghiệm Chưa hiệu lực");
        Instant now = Instant.now();
        testCa.issue(agency, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(300)), "test");
        assertThatThrownBy(() -> signing.sign(agency, paper(), director))
                .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo("NOT_YET_VALID"))
                .hasMessageContaining("chưa có hiệu lực");
    }

    @Test
    void aRevokedCertificateNoLongerSignsAndItsSignaturesNoLongerValidate() {
        SigningAgency agency = newAgency("Sở Thử nghiệm Thu hồi");
        SignedPdf signed = signing.sign(agency, paper(), director);
        assertThat(signing.validate(signed.content()).valid()).isTrue();
        TestCertificateAuthority.IssuedCertificate certificate = testCa.certificates().stream()
                .filter(c -> c.agencyCode().equals(agency.code())).findFirst().orElseThrow();
        assertThat(testCa.revoke(certificate.id(), "Lộ khóa bí mật")).isTrue();
        assertThat(testCa.revoke(certificate.id(), "Lần hai")).isFalse();

        assertThatThrownBy(() -> signing.sign(agency, paper(), director))
                .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo("REVOKED"))
                .hasMessageContaining("đã bị thu hồi").hasMessageContaining("Lộ khóa bí mật");
        PdfValidation validation = signing.validate(signed.content());
        assertThat(validation.valid()).isFalse();
        assertThat(validation.reasons()).anySatisfy(reason -> assertThat(reason).contains("đã bị thu hồi"));
    }

    @Test
    void productionRefusesToStartOnTheTestCaUnlessExplicitlyAllowed() {
        SigningProperties production = new SigningProperties(SigningProperties.KeySource.TEST_CA, false, "RSA",
                Duration.ofDays(365), null, List.of(), List.of(), true);
        assertThatThrownBy(() -> new AgencyKeys(production, testCa))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("egov.signing.test-ca-allowed=false");
        SigningProperties noKeys = new SigningProperties(SigningProperties.KeySource.KEYSTORE, false, "RSA",
                Duration.ofDays(365), null, List.of(), List.of(), true);
        assertThatThrownBy(() -> new AgencyKeys(noKeys, testCa)).hasMessageContaining("egov.signing.keystores");
        assertThat(properties.testCaAllowed()).as("the test profile allows the test CA").isTrue();
    }

    @Test
    void aConfiguredPkcs12KeySignsForEveryAgencyAndIsTrustedThroughItsAnchor() throws Exception {
        // a key issued by the test CA, exported to a PKCS#12 file as an agency would receive it from its CA
        AgencyKey issued = testCa.keyOf(newAgency("UBND tỉnh (khóa dùng chung)"), "test");
        Path directory = Files.createTempDirectory("signing");
        Path p12 = directory.resolve("tinh.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tinh", issued.privateKey(), "mat-khau".toCharArray(), issued.chain().toArray(new Certificate[0]));
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "mat-khau".toCharArray());
        }
        Path anchor = directory.resolve("ca.pem");
        Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(testCa.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        SigningProperties production = new SigningProperties(SigningProperties.KeySource.KEYSTORE, false, "RSA", Duration.ofDays(365),
                null, List.of(new SigningProperties.Keystore(List.of("*"), "PKCS12", p12.toString(), "mat-khau", null)),
                List.of(anchor.toString()), false);
        AgencyKeys keys = new AgencyKeys(production, testCa);

        AgencyKey key = keys.keyOf(new SigningAgency("000.00.12.H99", "Sở Tư pháp"), "test");
        assertThat(key.source()).isEqualTo("PKCS12");
        assertThat(key.serial()).isEqualTo(issued.serial());
        assertThat(keys.trustAnchors()).containsExactly(testCa.certificate());
        assertThat(keys.configuredKeys()).singleElement().satisfies(c -> assertThat(c.agencies()).containsExactly("*"));

        SigningProperties wrongPassword = new SigningProperties(SigningProperties.KeySource.KEYSTORE, false, "RSA", Duration.ofDays(365),
                null, List.of(new SigningProperties.Keystore(List.of("*"), "PKCS12", p12.toString(), "sai", null)), List.of(), false);
        assertThatThrownBy(() -> new AgencyKeys(wrongPassword, testCa)).hasMessageContaining("cannot open").hasMessageNotContaining("sai");
    }

    @Autowired
    RevocationLists revocationLists;

    @Autowired
    vn.gov.egov.personaldata.PersonalDataProtection protection;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void anEcP256TestCertificateSignsAndValidatesToo() {
        SigningProperties ec = new SigningProperties(SigningProperties.KeySource.TEST_CA, true, "EC", Duration.ofDays(365),
                null, List.of(), List.of(), false);
        TestCertificateAuthority ecAuthority = new TestCertificateAuthority(jdbc, protection, transaction, ec, "http://localhost:8080");
        DssPdfSigning ecSigning = new DssPdfSigning(new AgencyKeys(ec, ecAuthority), revocationLists, new OcspResponses(ecAuthority, ec), ec, papers, "Lạng Sơn");
        SigningAgency agency = newAgency("Sở Thử nghiệm Đường cong Elliptic");

        SignedPdf signed = ecSigning.sign(agency, paper(), director);
        assertThat(ecAuthority.keyOf(agency, "test").certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        PdfValidation validation = signing.validate(signed.content());
        assertThat(validation.verdict()).as(validation.reasons().toString()).isEqualTo(PdfValidation.Verdict.VALID);
        assertThat(validation.signerSubject()).contains(agency.code());
    }

    @Test
    void withATimeStampingAuthoritySignaturesArePadesBaselineT() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair tsaKeys = generator.generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name tsaName = new org.bouncycastle.asn1.x500.X500Name("CN=TSA thử nghiệm,O=Kiểm thử,C=VN");
        java.security.cert.X509Certificate tsaCertificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(tsaName, java.math.BigInteger.TEN,
                        java.util.Date.from(Instant.now().minus(Duration.ofDays(1))), java.util.Date.from(Instant.now().plus(Duration.ofDays(30))),
                        tsaName, tsaKeys.getPublic())
                        .addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, true,
                                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping))
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(tsaKeys.getPrivate())));
        org.bouncycastle.tsp.TimeStampTokenGenerator tokens = new org.bouncycastle.tsp.TimeStampTokenGenerator(
                new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCertificate),
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(tsaCertificate)));
        com.sun.net.httpserver.HttpServer tsa = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tsa.createContext("/tsa", exchange -> {
            try {
                org.bouncycastle.tsp.TimeStampRequest request = new org.bouncycastle.tsp.TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] answer = new org.bouncycastle.tsp.TimeStampResponseGenerator(tokens, org.bouncycastle.tsp.TSPAlgorithms.ALLOWED)
                        .generate(request, java.math.BigInteger.valueOf(System.nanoTime()), new java.util.Date()).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (org.bouncycastle.tsp.TSPException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        tsa.start();
        try {
            Path anchor = Files.createTempFile("tsa", ".pem");
            Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(tsaCertificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
            SigningProperties withTsa = new SigningProperties(SigningProperties.KeySource.TEST_CA, true, "RSA", Duration.ofDays(365),
                    "http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa", List.of(), List.of(anchor.toString()), false);
            DssPdfSigning timestamped = new DssPdfSigning(new AgencyKeys(withTsa, testCa), revocationLists, new OcspResponses(testCa, withTsa), withTsa, papers,
                    "Lạng Sơn");

            SignedPdf signed = timestamped.sign(newAgency("Sở Thử nghiệm Dấu thời gian"), paper(), director);
            assertThat(signed.signatureLevel()).isEqualTo("PAdES-BASELINE-T");
            PdfValidation validation = timestamped.validate(signed.content());
            assertThat(validation.signatureLevel()).isEqualTo("PAdES-BASELINE-T");
            assertThat(validation.verdict()).as(validation.reasons() + " " + validation.subIndication()).isEqualTo(PdfValidation.Verdict.VALID);
        } finally {
            tsa.stop(0);
        }
        SigningProperties unreachable = new SigningProperties(SigningProperties.KeySource.TEST_CA, true, "RSA", Duration.ofDays(365),
                "http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa", List.of(), List.of(), false);
        DssPdfSigning withoutTimestamps = new DssPdfSigning(new AgencyKeys(unreachable, testCa), revocationLists, new OcspResponses(testCa, unreachable), unreachable,
                papers, "Lạng Sơn");
        assertThatThrownBy(() -> withoutTimestamps.sign(newAgency("Sở Thử nghiệm Không dấu thời gian"), paper(), director))
                .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo("TIMESTAMP_UNAVAILABLE"))
                .hasMessageContaining("không lấy được dấu thời gian");
    }

    /** Changes one letter of the PDF's XMP metadata (uncompressed, inside the signed range): the file still reads. */
    static final class TamperedPdf {
        static byte[] of(byte[] pdf) {
            byte[] copy = pdf.clone();
            byte[] marker = "<dc:format>application/pdf".getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = 0; i < copy.length - marker.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (copy[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                copy[i + "<dc:format>applicatio".length()] = 'm';
                return copy;
            }
            throw new AssertionError("no XMP format in the PDF");
        }
    }
}
