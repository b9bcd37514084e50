package vn.gov.egov.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** {@link PersonalDataProtection} with AES-256-GCM and HMAC-SHA256 from the JDK; see the interface for the format. */
final class AesGcmProtection implements PersonalDataProtection {

    static final String VERSION = "pd1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final int MAX_PURPOSE = 100;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();
    /** Ciphers for reuse (each is initialised before every use): looking one up costs more than sealing a short value. */
    private final BlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(64);
    /** MACs for the same reason, each initialised with the index key once (it does not rotate while running). */
    private final BlockingQueue<Mac> macs = new ArrayBlockingQueue<>(64);
    /**
     * Purposes already checked: they are the modules' constants, a handful; matching the pattern at every seal cost more
     * than half as much as sealing a short value. Bounded, so that a caller passing values as purposes cannot grow it.
     */
    private final Set<String> checkedPurposes = ConcurrentHashMap.newKeySet();
    private static final int MAX_CHECKED_PURPOSES = 1000;

    AesGcmProtection(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String purpose, String plaintext) {
        checkPurpose(purpose);
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        String keyId = keys.activeId();
        Cipher cipher = cipher();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId, purpose));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PersonalDataProtection.sealedPrefix(keyId) + BASE64URL.encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        } finally {
            ciphers.offer(cipher);
        }
    }

    @Override
    public String open(String purpose, String sealed) {
        checkPurpose(purpose);
        if (sealed == null) {
            return null;
        }
        String keyId = keyIdOf(sealed);
        if (keyId == null) {
            throw unreadable(SealedValueUnreadable.Reason.MALFORMED, purpose, null,
                    "it is not a sealed value (" + VERSION + ":<key id>:<base64url>)");
        }
        SecretKey key = keys.key(keyId);
        if (key == null) {
            throw unreadable(SealedValueUnreadable.Reason.UNKNOWN_KEY, purpose, keyId,
                    "the key is not configured (configured: " + String.join(", ", new TreeSet<>(keys.ids())) + ")");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(sealed.substring(sealed.indexOf(':', VERSION.length() + 1) + 1));
        } catch (IllegalArgumentException e) {
            throw unreadable(SealedValueUnreadable.Reason.MALFORMED, purpose, keyId, "its payload is not base64url");
        }
        if (payload.length < IV_BYTES + TAG_BITS / 8) {
            throw unreadable(SealedValueUnreadable.Reason.MALFORMED, purpose, keyId, "it is too short");
        }
        Cipher cipher = cipher();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId, purpose));
            byte[] plaintext = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw unreadable(SealedValueUnreadable.Reason.NOT_AUTHENTIC, purpose, keyId,
                    "it was changed, or it was sealed for another purpose");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        } finally {
            ciphers.offer(cipher);
        }
    }

    @Override
    public String activeKeyId() {
        return keys.activeId();
    }

    @Override
    public boolean isSealedWithActiveKey(String sealed) {
        return sealed != null && keys.activeId().equals(keyIdOf(sealed));
    }

    @Override
    public String reseal(String purpose, String sealed) {
        if (isSealedWithActiveKey(sealed)) {
            checkPurpose(purpose);
            return sealed;
        }
        return seal(purpose, open(purpose, sealed));
    }

    @Override
    public String lookupKey(String purpose, String normalizedValue) {
        checkPurpose(purpose);
        if (normalizedValue == null) {
            return null;
        }
        Mac mac = mac();
        try {
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0); // a purpose never contains NUL, so purpose and value cannot run into each other
            return BASE64URL.encodeToString(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } finally {
            mac.reset(); // as doFinal does, and also when it was not reached
            macs.offer(mac);
        }
    }

    private Mac mac() {
        Mac mac = macs.poll();
        if (mac != null) {
            return mac;
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this Java runtime", e);
        }
    }

    private Cipher cipher() {
        Cipher cipher = ciphers.poll();
        if (cipher != null) {
            return cipher;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /** The key id of a well-formed header {@code pd1:<keyId>:}, otherwise {@code null}. */
    private static String keyIdOf(String sealed) {
        if (!sealed.startsWith(VERSION + ":")) {
            return null;
        }
        int end = sealed.indexOf(':', VERSION.length() + 1);
        return end <= VERSION.length() + 1 ? null : sealed.substring(VERSION.length() + 1, end);
    }

    /** Version, key id and purpose are authenticated along with the value. */
    private static byte[] associatedData(String keyId, String purpose) {
        return (VERSION + ":" + keyId + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private void checkPurpose(String purpose) {
        if (purpose != null && checkedPurposes.contains(purpose)) {
            return;
        }
        if (purpose == null || purpose.length() > MAX_PURPOSE || !PURPOSE.matcher(purpose).matches()) {
            // not echoed: with the arguments swapped by mistake it would be the personal data itself
            throw new IllegalArgumentException("A purpose is lower-case words separated by dots, at most " + MAX_PURPOSE
                    + " characters, e.g. identity.account.personal_id; the one given is not");
        }
        if (checkedPurposes.size() < MAX_CHECKED_PURPOSES) {
            checkedPurposes.add(purpose);
        }
    }

    private static SealedValueUnreadable unreadable(SealedValueUnreadable.Reason reason, String purpose, String keyId,
                                                    String why) {
        return new SealedValueUnreadable(reason, "Cannot open a value sealed for '" + purpose + "'"
                + (keyId == null ? "" : " with key '" + keyId + "'") + ": " + why);
    }
}
