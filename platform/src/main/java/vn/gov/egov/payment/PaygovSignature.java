package vn.gov.egov.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PayGov's checksum, as in PayGov/NAPAS-style gateways: every parameter but {@code secure_hash} with a non-empty
 * value, sorted by name, written {@code name=value} (raw UTF-8) and joined by {@code &}; HMAC-SHA256 of that with the
 * merchant's secret key, in hex. The one place that knows the scheme: if the real PayGov's differs, change it here.
 */
final class PaygovSignature {

    static final String HASH = "secure_hash";

    private PaygovSignature() {
    }

    static String canonical(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !HASH.equals(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    static String sign(Map<String, String> parameters, String secretKey) {
        return hmac(canonical(parameters), secretKey);
    }

    static String hmac(String text, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In constant time. */
    static boolean matches(String expectedHex, String givenHex) {
        return givenHex != null && MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static boolean verify(Map<String, String> parameters, String secretKey) {
        return matches(sign(parameters, secretKey), parameters.get(HASH));
    }
}
