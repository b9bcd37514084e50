package vn.gov.egov.lgsp.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/** Reads a consumer system's TLS client certificate from PEM text, refusing what is not one usable certificate. */
final class CertificatePem {

    static final int MAX_LENGTH = 20_000;

    private CertificatePem() {
    }

    /** The certificate (the first of a chain: the system's own), or a refusal naming the field {@code certificate}. */
    static X509Certificate read(String pem) {
        if (pem == null || pem.isBlank()) {
            throw invalid("required", "Trường certificate (chứng thư số máy khách, dạng PEM) là bắt buộc");
        }
        if (pem.length() > MAX_LENGTH) {
            throw invalid("length", "Chứng thư số (PEM) dài tối đa " + MAX_LENGTH + " ký tự");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw invalid("private-key", "Không gửi khóa bí mật: chỉ gửi chứng thư số (-----BEGIN CERTIFICATE-----)");
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid("pem", "Chứng thư số phải ở dạng PEM, bắt đầu bằng -----BEGIN CERTIFICATE-----");
        }
        Collection<? extends java.security.cert.Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw invalid("pem", "Không đọc được chứng thư số X.509 trong nội dung PEM");
        }
        List<X509Certificate> certificates = read.stream().filter(X509Certificate.class::isInstance)
                .map(X509Certificate.class::cast).toList();
        if (certificates.isEmpty()) {
            throw invalid("pem", "Không có chứng thư số X.509 trong nội dung PEM");
        }
        return certificates.get(0);
    }

    private static RegistryRejected invalid(String rule, String message) {
        return new RegistryRejected(RegistryRejected.Why.INVALID, "certificate", rule, message);
    }
}
