package vn.gov.egov.lgsp.registry;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import vn.gov.egov.identity.PresentedCertificate;

/**
 * A TLS client certificate registered for a consumer system (mutual TLS, optional per system): when a system has
 * any, the gateway accepts its calls only over a TLS connection that presented one of them.
 *
 * @param thumbprint base64url (no padding) SHA-256 of the certificate's DER bytes: {@link #thumbprintOf}, the form
 *                   of RFC 8705's {@code x5t#S256} confirmation claim
 */
public record ClientCertificate(UUID id, UUID subsystemId, String thumbprint, String subject, String issuer,
                                String serialNumber, Instant notBefore, Instant notAfter, String registeredBy,
                                Instant registeredAt) {

    /** The certificate's SHA-256 thumbprint, as registered certificates and {@code cnf.x5t#S256} carry it. */
    public static String thumbprintOf(X509Certificate certificate) {
        return PresentedCertificate.thumbprint(certificate);
    }

    /** Whether the certificate is valid at {@code at}. */
    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
