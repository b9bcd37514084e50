package vn.gov.egov.signing;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.signing.*}: where the agencies' keys come from and what signatures are trusted (docs/operations.md).
 *
 * @param keySource               {@code test-ca} (development, tests, demonstration) or {@code keystore} (production)
 * @param testCaAllowed           whether the test CA may be used at all; false in production unless explicitly set
 * @param testCaKeyAlgorithm      {@code RSA} (2048) or {@code EC} (P-256), for the test CA and the certificates it issues
 * @param testCertificateValidity how long a test agency certificate is valid
 * @param tsaUrl                  an RFC 3161 time-stamping authority: signatures become PAdES-BASELINE-T (empty: B-B)
 * @param keystores               the production keys: PKCS#12 files or PKCS#11 tokens, each for some agencies or "*"
 * @param trustAnchors            certificate files (PEM or DER) of the authorities whose signatures are trusted
 * @param onlineRevocation        whether validation fetches the CRLs named in certificates (other than the test CA's)
 */
@ConfigurationProperties("egov.signing")
record SigningProperties(@DefaultValue("test-ca") KeySource keySource,
                         @DefaultValue("false") boolean testCaAllowed,
                         @DefaultValue("RSA") String testCaKeyAlgorithm,
                         @DefaultValue("P365D") Duration testCertificateValidity,
                         String tsaUrl,
                         List<Keystore> keystores,
                         List<String> trustAnchors,
                         @DefaultValue("true") boolean onlineRevocation) {

    enum KeySource { TEST_CA, KEYSTORE }

    /**
     * One production key.
     *
     * @param agencies the agency codes that sign with it; "*" for every agency without a key of its own
     * @param type     {@code PKCS12} (path = the .p12 file) or {@code PKCS11} (path = the SunPKCS11 configuration file)
     * @param path     see type
     * @param password the file's password or the token's PIN
     * @param alias    the key's alias (empty: the first key in the store)
     */
    record Keystore(List<String> agencies, @DefaultValue("PKCS12") String type, String path, String password, String alias) {
        Keystore {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    SigningProperties {
        keystores = keystores == null ? List.of() : List.copyOf(keystores);
        trustAnchors = trustAnchors == null ? List.of() : trustAnchors.stream().filter(s -> s != null && !s.isBlank()).toList();
        tsaUrl = tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl.strip();
    }
}
