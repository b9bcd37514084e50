package vn.gov.egov.personaldata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * SHA-256 fingerprints of the keys written in application-demo.properties and application-test.properties: anyone
 * can read them, so outside those profiles they are refused. A test keeps this list in step with the files.
 */
final class PublishedKeys {

    private static final Set<String> FINGERPRINTS = Set.of(
            "94ebddfbf11b9d58e734f6f17047086d7ab9ae4db15575e53c43958ede4fe717", // demo: keys.demo-1
            "e5a45ee979a98209ce86eb097b3cf6b817fedf2e2b59a385f43065bc447ba8fa", // demo: index-key
            "a91bcb1bfecb2634fa52bb642a84be3388d9faca54b8a4c2b94b35fdc3e5003e", // test: keys.test-old
            "2dfca3f152acfa3e9419d9c32881e07bc99ee9026e1fc622e8297bcfd25ce465", // test: keys.test-new
            "830dadea22adebde3f77620cf56801070cfb3636e184bde057647996c1c7d8b9"); // test: index-key

    private PublishedKeys() {
    }

    static boolean contains(byte[] key) {
        return FINGERPRINTS.contains(fingerprint(key));
    }

    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
