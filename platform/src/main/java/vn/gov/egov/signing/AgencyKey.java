package vn.gov.egov.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An agency's signing key with its certificate chain (signing certificate first).
 *
 * @param source    TEST_CA, PKCS12 or PKCS11
 * @param revokedAt when the platform revoked the certificate (test CA only), or null
 */
record AgencyKey(String source, List<X509Certificate> chain, PrivateKey privateKey, Instant revokedAt, String revocationReason) {

    X509Certificate certificate() {
        return chain.get(0);
    }

    String serial() {
        return certificate().getSerialNumber().toString(16);
    }
}
