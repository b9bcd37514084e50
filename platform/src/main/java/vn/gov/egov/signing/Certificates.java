package vn.gov.egov.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reading certificates and writing their dates as Vietnamese readers expect. */
final class Certificates {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(VIETNAM);

    private Certificates() {
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("not an X.509 certificate", e);
        }
    }

    /** Every certificate in a PEM or DER file. */
    static List<X509Certificate> read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate file " + file, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("no certificate in " + file, e);
        }
    }

    static String subject(X509Certificate certificate) {
        // BouncyCastle keeps the Vietnamese letters as they are (the JDK's RFC 2253 form may escape them)
        return org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    static String when(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
