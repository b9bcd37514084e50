package vn.gov.egov.personaldata;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fresh random keys for unit tests. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static String randomKey() {
        return randomKey(KeyRing.KEY_BYTES);
    }

    static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static PersonalDataProperties properties(Map<String, String> keys, String activeKey, String indexKey) {
        return new PersonalDataProperties(new LinkedHashMap<>(keys), null, activeKey, indexKey, false,
                new PersonalDataProperties.Rotation("-", 200));
    }

    static PersonalDataProtection protection(Map<String, String> keys, String activeKey, String indexKey) {
        return new AesGcmProtection(KeyRing.from(properties(keys, activeKey, indexKey)));
    }
}
