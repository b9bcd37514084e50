package vn.gov.egov.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which key an agency signs with, and which authorities are trusted. With {@code egov.signing.key-source=test-ca}
 * the test CA issues and keeps the keys, and start-up fails unless {@code egov.signing.test-ca-allowed=true}; with
 * {@code keystore} the configured files and tokens are opened at start-up, so a wrong path or password stops it too.
 */
@Component
class AgencyKeys {

    private final SigningProperties properties;
    private final TestCertificateAuthority testCa;
    private final KeystoreKeys keystores;
    private final List<X509Certificate> configuredAnchors;

    AgencyKeys(SigningProperties properties, TestCertificateAuthority testCa) {
        if (properties.keySource() == SigningProperties.KeySource.TEST_CA && !properties.testCaAllowed()) {
            throw new IllegalStateException("egov.signing.key-source=test-ca, but the test certificate authority has no legal "
                    + "value and is not allowed here (egov.signing.test-ca-allowed=false). Configure the agencies' keys "
                    + "(EGOV_SIGNING_KEY_SOURCE=keystore and egov.signing.keystores, docs/operations.md) or, for a "
                    + "non-production installation only, set EGOV_SIGNING_TEST_CA_ALLOWED=true.");
        }
        if (properties.keySource() == SigningProperties.KeySource.KEYSTORE && properties.keystores().isEmpty()) {
            throw new IllegalStateException("egov.signing.key-source=keystore, but no egov.signing.keystores are configured");
        }
        this.properties = properties;
        this.testCa = testCa;
        this.keystores = new KeystoreKeys(properties.keySource() == SigningProperties.KeySource.KEYSTORE
                ? properties.keystores() : List.of());
        this.configuredAnchors = properties.trustAnchors().stream().flatMap(file -> Certificates.read(Path.of(file)).stream()).toList();
    }

    boolean testCaInUse() {
        return properties.keySource() == SigningProperties.KeySource.TEST_CA;
    }

    boolean testCaAllowed() {
        return properties.testCaAllowed();
    }

    /** @throws SigningRefused when the agency has no key */
    AgencyKey keyOf(SigningAgency agency, String issuedBy) {
        if (testCaInUse()) {
            return testCa.keyOf(agency, issuedBy);
        }
        AgencyKey key = keystores.keyOf(agency.code());
        if (key == null) {
            throw new SigningRefused("NO_KEY", "Không thể ký: cơ quan %s (mã %s) chưa được cấu hình khóa ký số (egov.signing.keystores)."
                    .formatted(agency.name(), agency.code()));
        }
        return key;
    }

    /** The trusted anchors: the configured ones, and the test CA where it is allowed and exists. */
    List<X509Certificate> trustAnchors() {
        List<X509Certificate> anchors = new ArrayList<>(configuredAnchors);
        if (properties.testCaAllowed()) {
            testCa.certificateIfCreated().ifPresent(anchors::add);
        }
        return anchors;
    }

    List<KeystoreKeys.Configured> configuredKeys() {
        return keystores.configured();
    }
}
