package vn.gov.egov.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The test certificate authority ("CA thử nghiệm — không có giá trị pháp lý"): created at first need, its key sealed
 * in PostgreSQL; issues agency certificates (1 year by default), revokes them, publishes its revocation list and
 * answers OCSP requests (RFC 6960) about the certificates it issued.
 * Signatures it makes have no legal value: it exists for development, tests and demonstrations only.
 */
@Component
class TestCertificateAuthority {

    static final String CA_KEY = "signing.test_ca.private_key";
    static final String AGENCY_KEY = "signing.agency_certificate.private_key";
    static final String NAME = "CA thử nghiệm — không có giá trị pháp lý";
    private static final String PLATFORM = "Nền tảng Chính quyền điện tử tỉnh Lạng Sơn";
    private static final Duration CRL_LIFETIME = Duration.ofMinutes(5);
    /** How long an OCSP answer is good for (its next update). */
    static final Duration OCSP_LIFETIME = Duration.ofMinutes(5);
    /** The most certificates one OCSP request may ask about, and its largest size. */
    static final int OCSP_MAX_ASKED = 20;
    static final int OCSP_MAX_REQUEST = 16 * 1024;

    /** A certificate the test CA issued to an agency, as stored. */
    record IssuedCertificate(UUID id, String agencyCode, String agencyName, String subject, String serial,
                             String keyAlgorithm, Instant notBefore, Instant notAfter, Instant issuedAt, String issuedBy,
                             Instant revokedAt, String revocationReason) {
    }

    private record Authority(X509Certificate certificate, PrivateKey key) {
    }

    private record RevocationList(byte[] der, Instant producedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final TransactionTemplate transaction;
    private final String keyAlgorithm;
    private final String crlAddress;
    private final String ocspAddress;
    private final Duration validity;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private volatile Authority authority;
    private volatile RevocationList revocationList;

    TestCertificateAuthority(JdbcClient jdbc, PersonalDataProtection protection, TransactionTemplate transaction,
                             SigningProperties properties,
                             @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.transaction = transaction;
        this.validity = properties.testCertificateValidity();
        this.keyAlgorithm = "EC".equalsIgnoreCase(properties.testCaKeyAlgorithm()) ? "EC" : "RSA";
        this.crlAddress = publicUrl.replaceAll("/+$", "") + "/signing/test-ca.crl";
        this.ocspAddress = publicUrl.replaceAll("/+$", "") + "/signing/test-ca/ocsp";
    }

    /** The CA's certificate, when it exists already (it is not created just to be trusted). */
    Optional<X509Certificate> certificateIfCreated() {
        Authority known = authority;
        if (known != null) {
            return Optional.of(known.certificate());
        }
        return jdbc.sql("select certificate from signing_test_ca where id = 1").query(byte[].class).optional()
                .map(Certificates::parse);
    }

    X509Certificate certificate() {
        return authority().certificate();
    }

    /** The agency's latest certificate with its key; a first one is issued when it has none. */
    AgencyKey keyOf(SigningAgency agency, String issuedBy) {
        Optional<AgencyKey> latest = latestKey(agency.code());
        if (latest.isPresent()) {
            return latest.get();
        }
        return transaction.execute(status -> {
            // one first certificate per agency, also when two results of a new agency are signed at once
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:code))").param("code", "signing:" + agency.code()).query().singleRow();
            return latestKey(agency.code()).orElseGet(() -> {
                Instant now = clock.instant();
                issue(agency, now.minus(Duration.ofMinutes(5)), now.plus(validity), issuedBy);
                return latestKey(agency.code()).orElseThrow();
            });
        });
    }

    Duration validity() {
        return validity;
    }

    /** Issues a certificate for the agency valid from {@code notBefore} to {@code notAfter}; it becomes the agency's current one. */
    IssuedCertificate issue(SigningAgency agency, Instant notBefore, Instant notAfter, String issuedBy) {
        Authority ca = authority();
        try {
            KeyPair pair = keyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.ST, "Lạng Sơn")
                    .addRDN(BCStyle.O, agency.name())
                    .addRDN(BCStyle.OU, "Chứng thư thử nghiệm — không có giá trị pháp lý")
                    .addRDN(BCStyle.UID, agency.code())
                    .addRDN(BCStyle.CN, agency.name())
                    .build();
            BigInteger serial = new BigInteger(127, random).setBit(126);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca.certificate()))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                            new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, crlAddress))), null, null)}))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                            AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspAddress))));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm(ca.key())).build(ca.key())));
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql("""
                    insert into signing_agency_certificate (id, agency_code, agency_name, subject, serial, key_algorithm,
                        not_before, not_after, certificate, private_key_sealed, issued_at, issued_by)
                    values (:id, :code, :name, :subject, :serial, :algorithm, :notBefore, :notAfter, :certificate, :key, :now, :by)""")
                    .param("id", id).param("code", agency.code()).param("name", agency.name())
                    .param("subject", Certificates.subject(certificate)).param("serial", serial.toString(16))
                    .param("algorithm", keyAlgorithm)
                    .param("notBefore", java.sql.Timestamp.from(notBefore)).param("notAfter", java.sql.Timestamp.from(notAfter))
                    .param("certificate", certificate.getEncoded())
                    .param("key", protection.seal(AGENCY_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())))
                    .param("now", java.sql.Timestamp.from(now)).param("by", issuedBy)
                    .update();
            return find(id).orElseThrow();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the test CA could not issue a certificate", e);
        }
    }

    /** Revokes a certificate; false when there is none with that id or it was revoked already. */
    boolean revoke(UUID id, String reason) {
        int changed = jdbc.sql("""
                update signing_agency_certificate set revoked_at = :now, revocation_reason = :reason
                 where id = :id and revoked_at is null""")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("reason", reason).param("id", id).update();
        revocationList = null;
        return changed == 1;
    }

    Optional<IssuedCertificate> find(UUID id) {
        return jdbc.sql("select * from signing_agency_certificate where id = :id").param("id", id)
                .query(TestCertificateAuthority::row).optional();
    }

    List<IssuedCertificate> certificates() {
        return jdbc.sql("select * from signing_agency_certificate order by agency_code, issued_at desc")
                .query(TestCertificateAuthority::row).list();
    }

    /**
     * The revocation list (DER), produced anew for each use within a second: a validator refuses a list issued before
     * the certificate it speaks of, or before the signature it checks ("try later"), so an older list cannot serve.
     */
    byte[] revocationList() {
        RevocationList current = revocationList;
        Instant now = clock.instant();
        if (current == null || current.producedAt().plusSeconds(1).isBefore(now)) {
            current = new RevocationList(produceRevocationList(now), now);
            revocationList = current;
        }
        return current.der();
    }

    /**
     * The status of each certificate asked about, signed by the CA with the request's nonce: good, revoked (since when),
     * or unknown for a certificate it did not issue. Produced at each call, like the revocation list, so that it is
     * never older than the signature being checked.
     */
    BasicOCSPResp status(List<CertificateID> asked, Extension nonce) {
        Authority ca = authority();
        try {
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.certificate());
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = clock.instant();
            for (CertificateID id : asked) {
                builder.addResponse(id, id.matchesIssuer(caHolder, digests) ? statusOf(id.getSerialNumber()) : new UnknownStatus(),
                        Date.from(now), Date.from(now.plus(OCSP_LIFETIME)), null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm(ca.key())).build(ca.key()),
                    new X509CertificateHolder[] {caHolder}, Date.from(now));
        } catch (GeneralSecurityException | OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("the test CA could not answer an OCSP request", e);
        }
    }

    /**
     * The public responder's answer to a DER-encoded OCSP request; a request that cannot be read gets
     * {@code malformedRequest}, as RFC 6960 §2.3 says.
     */
    byte[] answer(byte[] request) {
        try {
            if (request == null || request.length > OCSP_MAX_REQUEST) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Req[] requests = parsed.getRequestList();
            // a public responder: one request asks about a few certificates, never about thousands
            if (requests.length == 0 || requests.length > OCSP_MAX_ASKED) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            List<CertificateID> asked = java.util.Arrays.stream(requests).map(Req::getCertID).toList();
            return new OCSPRespBuilder().build(OCSPResp.SUCCESSFUL,
                    status(asked, parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException("the test CA could not encode an OCSP answer", e);
        }
    }

    /** Good ({@code null} in BouncyCastle's terms), revoked since when, or unknown when it did not issue that serial. */
    private CertificateStatus statusOf(BigInteger serial) {
        List<java.sql.Timestamp> revokedAt = jdbc.sql("select revoked_at from signing_agency_certificate where serial = :serial")
                .param("serial", serial.toString(16)).query((rs, n) -> rs.getTimestamp("revoked_at")).list();
        if (revokedAt.isEmpty()) {
            return new UnknownStatus();
        }
        return revokedAt.get(0) == null ? CertificateStatus.GOOD : new RevokedStatus(revokedAt.get(0), CRLReason.unspecified);
    }

    boolean isAuthorityOf(X509Certificate issuer) {
        return certificateIfCreated().map(ca -> ca.equals(issuer)).orElse(false);
    }

    private byte[] produceRevocationList(Instant now) {
        Authority ca = authority();
        try {
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            crl.setNextUpdate(Date.from(now.plus(CRL_LIFETIME).plus(Duration.ofHours(1))));
            crl.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            crl.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            jdbc.sql("select serial, revoked_at from signing_agency_certificate where revoked_at is not null")
                    .query((rs, n) -> {
                        crl.addCRLEntry(new BigInteger(rs.getString("serial"), 16), rs.getTimestamp("revoked_at"), CRLReason.unspecified);
                        return null;
                    }).list();
            return crl.build(new JcaContentSignerBuilder(signatureAlgorithm(ca.key())).build(ca.key())).getEncoded();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the test CA could not produce its revocation list", e);
        }
    }

    private Optional<AgencyKey> latestKey(String agencyCode) {
        X509Certificate ca = certificate();
        return jdbc.sql("""
                select certificate, private_key_sealed, key_algorithm, revoked_at, revocation_reason
                  from signing_agency_certificate where agency_code = :code order by issued_at desc, not_after desc limit 1""")
                .param("code", agencyCode)
                .query((rs, n) -> new AgencyKey("TEST_CA", List.of(Certificates.parse(rs.getBytes("certificate")), ca),
                        privateKey(rs.getString("key_algorithm"), protection.open(AGENCY_KEY, rs.getString("private_key_sealed"))),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getString("revocation_reason")))
                .optional();
    }

    private Authority authority() {
        Authority known = authority;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (authority == null) {
                authority = loadOrCreate();
            }
            return authority;
        }
    }

    private Authority loadOrCreate() {
        Optional<Authority> stored = load();
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            KeyPair pair = keyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, PLATFORM)
                    .addRDN(BCStyle.CN, NAME).build();
            Instant now = clock.instant();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, random).setBit(126),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm(pair.getPrivate())).build(pair.getPrivate())));
            // a second node creating its own at the same moment loses: everyone uses the row that is there
            jdbc.sql("""
                    insert into signing_test_ca (id, certificate, private_key_sealed, created_at) values (1, :certificate, :key, :now)
                    on conflict (id) do nothing""")
                    .param("certificate", certificate.getEncoded())
                    .param("key", protection.seal(CA_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())))
                    .param("now", java.sql.Timestamp.from(now)).update();
            return load().orElseThrow();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the test CA could not be created", e);
        }
    }

    private Optional<Authority> load() {
        return jdbc.sql("select certificate, private_key_sealed from signing_test_ca where id = 1")
                .query((rs, n) -> {
                    X509Certificate certificate = Certificates.parse(rs.getBytes("certificate"));
                    return new Authority(certificate, privateKey(certificate.getPublicKey().getAlgorithm(),
                            protection.open(CA_KEY, rs.getString("private_key_sealed"))));
                }).optional();
    }

    private KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        if ("EC".equals(keyAlgorithm)) {
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        } else {
            generator.initialize(2048, random);
        }
        return generator.generateKeyPair();
    }

    private static PrivateKey privateKey(String algorithm, String base64) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed signing key cannot be read", e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static IssuedCertificate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IssuedCertificate(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("agency_name"),
                rs.getString("subject"), rs.getString("serial"), rs.getString("key_algorithm"),
                rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getString("revocation_reason"));
    }
}
