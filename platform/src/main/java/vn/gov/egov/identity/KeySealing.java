package vn.gov.egov.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Seals the token signing keys' private parts before they go to the database (AES-256-GCM, key from configuration). */
@Component
class KeySealing {

    private static final String PREFIX = "ks1:";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeySealing(@Value("${egov.identity.key-encryption-key:}") String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("egov.identity.key-encryption-key (EGOV_IDENTITY_KEY_ENCRYPTION_KEY) is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("egov.identity.key-encryption-key (EGOV_IDENTITY_KEY_ENCRYPTION_KEY) must be 32 bytes, "
                    + "base64-encoded (e.g. `openssl rand -base64 32`); it has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String seal(byte[] secret, String purpose) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a signing key", e);
        }
    }

    byte[] open(String sealed, String purpose) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown sealing format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a signing key: wrong egov.identity.key-encryption-key?", e);
        }
    }
}
