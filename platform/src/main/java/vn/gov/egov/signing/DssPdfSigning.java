package vn.gov.egov.signing;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.printing.OfficialPapers;

/** PAdES with the EU's DSS library: the agency's key signs, the trusted anchors and revocation lists validate. */
@Service
class DssPdfSigning implements PdfSigning {

    private static final Logger log = LoggerFactory.getLogger(DssPdfSigning.class);
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    /** How long DSS's check of a signing certificate (chain, validity, revocation lists) holds for further signatures. */
    static final Duration CERTIFICATE_CHECK_HOLDS = Duration.ofHours(1);

    static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AgencyKeys keys;
    private final OfficialPapers papers;
    /** The fonts of visible signatures, by the printing module's font file (the same array each time): two at most. */
    private final Map<byte[], DSSFileFont> fonts = new ConcurrentHashMap<>();
    private final RevocationLists revocationLists;
    private final OcspResponses ocspResponses;
    private final HttpTimestamps timestamps;
    private final String defaultPlace;
    private final Clock clock = Clock.systemUTC();
    /** Signing certificate → until when DSS's check of it holds. */
    private final Map<X509Certificate, Instant> checkedCertificates = new ConcurrentHashMap<>();

    DssPdfSigning(AgencyKeys keys, RevocationLists revocationLists, OcspResponses ocspResponses, SigningProperties properties,
                  OfficialPapers papers, @Value("${egov.province.place:Lạng Sơn}") String defaultPlace) {
        this.keys = keys;
        this.papers = papers;
        this.revocationLists = revocationLists;
        this.ocspResponses = ocspResponses;
        this.timestamps = properties.tsaUrl() == null ? null : new HttpTimestamps(properties.tsaUrl());
        this.defaultPlace = defaultPlace;
    }

    @Override
    public SignedPdf sign(SigningAgency agency, byte[] pdf, SignerDetails signer) {
        AgencyKey key = keys.keyOf(agency, actor());
        Instant now = clock.instant();
        refuseUnusable(agency, key, now);
        X509Certificate certificate = key.certificate();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(timestamps == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(certificate));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.setSignerName(signer.name());
        parameters.setLocation(signer.location() == null || signer.location().isBlank() ? defaultPlace : signer.location());
        parameters.setReason(signer.reason() == null || signer.reason().isBlank() ? signer.role() : signer.role() + " – " + signer.reason());
        parameters.bLevel().setClaimedSignerRoles(List.of(signer.role()));
        parameters.bLevel().setSigningDate(Date.from(now));
        if (signer.visibleIn() != null) {
            parameters.setImageParameters(visible(agency, signer, now));
        }
        PAdESService service = new CheckedOnce(verifier(), certificate, now);
        // PDFBox named here rather than looked up with ServiceLoader at every signature; its native drawer writes the
        // visible signature as PDF text in an embedded font subset (the default one paints it as an image), and the
        // signature goes into the prepared document without copying it byte by byte
        service.setPdfObjFactory(new SignatureContents.Objects());
        if (timestamps != null) {
            service.setTspSource(timestamps);
        }
        try {
            DSSDocument document = new InMemoryDocument(pdf);
            byte[] content = ServiceLookups.around(() -> signed(service, document, parameters, key));
            return new SignedPdf(content, parameters.getSignatureLevel().toString(), Certificates.subject(certificate), key.serial(), now);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Signing for agency {} failed: {}", agency.code(), e.toString());
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof HttpTimestamps.Unavailable unavailable) {
                    throw new SigningRefused("TIMESTAMP_UNAVAILABLE", "Không thể ký: không lấy được dấu thời gian từ tổ chức cấp dấu thời gian (%s). Hãy thử lại sau."
                            .formatted(unavailable.getMessage()), e);
                }
            }
            if (signer.visibleIn() != null && mentions(e, "'" + signer.visibleIn() + "'")) {
                throw new SigningRefused("NO_SIGNATURE_FIELD", ("Không thể ký: tệp PDF không có ô chữ ký số \"%s\" còn trống để thể "
                        + "hiện chữ ký (văn bản phải được in kèm ô chữ ký số và chưa được ký vào ô đó).").formatted(signer.visibleIn()), e);
            }
            throw new SigningRefused("KEY_UNUSABLE", "Không thể ký: khóa ký số của %s (chứng thư số %s) không dùng được: %s"
                    .formatted(agency.name(), key.serial(), e.getMessage()), e);
        }
    }

    /**
     * The visible signature, drawn in the PDF's empty signature field {@code signer.visibleIn()} in the papers' font
     * (the cut-down Vietnamese one when it has every letter), dark blue on no background.
     */
    private SignatureImageParameters visible(SigningAgency agency, SignerDetails signer, Instant now) {
        String text = "Ký bởi: " + agency.name() + "\nNgười ký: " + signer.name()
                + "\nThời gian ký: " + SIGNED_AT.format(now.atZone(VIETNAM));
        SignatureImageTextParameters textParameters = new SignatureImageTextParameters();
        textParameters.setText(text);
        byte[] fontFile = papers.regularFont(text);
        if (fonts.size() > 4 && !fonts.containsKey(fontFile)) {
            fonts.clear(); // not the printing module's shared files: nothing worth keeping
        }
        textParameters.setFont(fonts.computeIfAbsent(fontFile, file -> {
            DSSFileFont font = new DSSFileFont(new InMemoryDocument(file), 8);
            font.setEmbedFontSubset(true);
            return font;
        }));
        textParameters.setTextWrapping(TextWrapping.FILL_BOX_AND_LINEBREAK);
        textParameters.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
        textParameters.setTextColor(new Color(0, 32, 128));
        textParameters.setBackgroundColor(null);
        textParameters.setPadding(2);
        SignatureImageParameters image = new SignatureImageParameters();
        image.setBackgroundColor(null);
        image.setTextParameters(textParameters);
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setFieldId(signer.visibleIn());
        image.setFieldParameters(field);
        return image;
    }

    private static byte[] signed(PAdESService service, DSSDocument document, PAdESSignatureParameters parameters, AgencyKey key) {
        try {
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            Signature signature = Signature.getInstance(TestCertificateAuthority.signatureAlgorithm(key.privateKey()));
            signature.initSign(key.privateKey());
            signature.update(toBeSigned.getBytes());
            SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                    EncryptionAlgorithm.forKey(key.certificate().getPublicKey()), DigestAlgorithm.SHA256);
            DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(algorithm, signature.sign()));
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (GeneralSecurityException e) {
            throw new SigningFailed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** A cryptographic failure inside the lookups' scope, unwrapped again by {@link #sign}. */
    private static final class SigningFailed extends RuntimeException {
        SigningFailed(GeneralSecurityException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * DSS builds the signing certificate's chain, fetches its revocation lists and checks its validity dates in both
     * {@code getDataToSign} and {@code signDocument}, for every signature (revocation is not a condition of signing:
     * {@code checkCertificateRevocation} stays off). The platform's own revocation and the validity dates are checked
     * before each signature ({@link #refuseUnusable}), so DSS's check is done once per certificate and then again
     * after {@link #CERTIFICATE_CHECK_HOLDS}. A failed check is not remembered: the next signature checks again.
     */
    private final class CheckedOnce extends PAdESService {

        private final X509Certificate certificate;
        private final Instant now;

        CheckedOnce(CertificateVerifier verifier, X509Certificate certificate, Instant now) {
            super(verifier);
            this.certificate = certificate;
            this.now = now;
        }

        @Override
        protected void assertSigningCertificateValid(AbstractSignatureParameters<?> parameters) {
            Instant until = checkedCertificates.get(certificate);
            if (until != null && now.isBefore(until) && parameters.getSigningCertificate() != null
                    && certificate.equals(parameters.getSigningCertificate().getCertificate())) {
                return;
            }
            super.assertSigningCertificateValid(parameters);
            checkedCertificates.put(certificate, now.plus(CERTIFICATE_CHECK_HOLDS));
        }
    }

    private static void refuseUnusable(SigningAgency agency, AgencyKey key, Instant now) {
        X509Certificate certificate = key.certificate();
        if (key.revokedAt() != null) {
            throw new SigningRefused("REVOKED", "Không thể ký: chứng thư số của %s (số hiệu %s) đã bị thu hồi lúc %s (lý do: %s). Hãy cấp chứng thư số mới cho cơ quan."
                    .formatted(agency.name(), key.serial(), Certificates.when(key.revokedAt()), key.revocationReason()));
        }
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new SigningRefused("EXPIRED", "Không thể ký: chứng thư số của %s (số hiệu %s) đã hết hạn lúc %s. Hãy cấp hoặc cài đặt chứng thư số mới cho cơ quan."
                    .formatted(agency.name(), key.serial(), Certificates.when(certificate.getNotAfter().toInstant())));
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) {
            throw new SigningRefused("NOT_YET_VALID", "Không thể ký: chứng thư số của %s (số hiệu %s) chưa có hiệu lực; có hiệu lực từ %s."
                    .formatted(agency.name(), key.serial(), Certificates.when(certificate.getNotBefore().toInstant())));
        }
    }

    @Override
    public PdfValidation validate(byte[] pdf) {
        if (!isPdf(pdf)) {
            return PdfValidation.without(PdfValidation.Verdict.NOT_A_PDF, "Tệp không phải là tệp PDF.");
        }
        Reports reports;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
            validator.setCertificateVerifier(verifier());
            reports = validator.validateDocument();
        } catch (RuntimeException e) {
            log.info("A PDF could not be validated: {}", e.toString());
            return PdfValidation.without(PdfValidation.Verdict.NOT_A_PDF, "Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng.");
        }
        SimpleReport simple = reports.getSimpleReport();
        List<String> ids = simple.getSignatureIdList();
        if (ids.isEmpty()) {
            return PdfValidation.without(PdfValidation.Verdict.NOT_SIGNED, "Tệp PDF không có chữ ký số.");
        }
        PdfValidation.Verdict verdict = PdfValidation.Verdict.VALID;
        Set<String> reasons = new LinkedHashSet<>();
        for (String id : ids) {
            Indication indication = simple.getIndication(id);
            if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
                continue;
            }
            reasons.add(reason(indication, simple.getSubIndication(id)));
            if (indication == Indication.TOTAL_FAILED || indication == Indication.FAILED) {
                verdict = PdfValidation.Verdict.INVALID;
            } else if (verdict == PdfValidation.Verdict.VALID) {
                verdict = PdfValidation.Verdict.INDETERMINATE;
            }
        }
        String first = ids.get(0);
        SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(first);
        CertificateWrapper signingCertificate = signature == null ? null : signature.getSigningCertificate();
        SubIndication sub = simple.getSubIndication(first);
        SignatureLevel format = simple.getSignatureFormat(first);
        return new PdfValidation(verdict, String.valueOf(simple.getIndication(first)), sub == null ? null : sub.name(),
                format == null ? null : format.toString(),
                signingCertificate == null ? simple.getSignedBy(first) : signingCertificate.getCertificateDN(),
                instant(simple.getSigningTime(first)),
                signingCertificate == null ? null : instant(signingCertificate.getNotBefore()),
                signingCertificate == null ? null : instant(signingCertificate.getNotAfter()),
                ids.size(), new ArrayList<>(reasons));
    }

    /** Why a signature is not valid, for citizens and officials. */
    static String reason(Indication indication, SubIndication sub) {
        if (sub == null) {
            return "Chữ ký số không hợp lệ (" + indication + ").";
        }
        return switch (sub) {
            case HASH_FAILURE -> "Nội dung tệp đã bị thay đổi sau khi ký: dấu băm không khớp với chữ ký.";
            case SIG_CRYPTO_FAILURE -> "Giá trị chữ ký không khớp với khóa công khai của chứng thư số.";
            case REVOKED, REVOKED_NO_POE, REVOKED_CA_NO_POE -> "Chứng thư số của người ký đã bị thu hồi.";
            case EXPIRED, OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED, NOT_YET_VALID ->
                    "Chứng thư số của người ký đã hết hạn hoặc chưa có hiệu lực vào thời điểm ký.";
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE ->
                    "Chứng thư số của người ký không do tổ chức chứng thực được tin cậy cấp.";
            case TRY_LATER, CERTIFICATE_CHAIN_GENERAL_FAILURE ->
                    "Chưa xác minh được tình trạng thu hồi của chứng thư số người ký; hãy thử lại sau.";
            case FORMAT_FAILURE -> "Chữ ký số không đúng định dạng.";
            case NO_SIGNING_CERTIFICATE_FOUND -> "Không tìm thấy chứng thư số của người ký.";
            default -> "Chữ ký số không hợp lệ (" + indication + " / " + sub + ").";
        };
    }

    private CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        keys.trustAnchors().forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
        verifier.setTrustedCertSources(trusted);
        // OCSP first (DSS's default strategy), the revocation lists when no responder answers
        verifier.setOcspSource(ocspResponses);
        verifier.setCrlSource(revocationLists);
        verifier.setAIASource(null);
        return verifier;
    }

    private static boolean isPdf(byte[] content) {
        if (content == null || content.length < 64) {
            return false;
        }
        // the header may follow a few bytes of junk (ISO 32000-1 §7.5.2 tolerates up to 1024)
        int limit = Math.min(content.length - PDF_MAGIC.length, 1024);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < PDF_MAGIC.length; j++) {
                if (content[i + j] != PDF_MAGIC[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String actor() {
        Actor current = Actor.current();
        return current == null ? Actor.SYSTEM_ID : current.userId();
    }
}
