package vn.gov.national.simulator.paygov;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checksum of the simulated PayGov, in the manner of PayGov/NAPAS/VNPay gateways: every parameter except
 * {@code secure_hash} with a non-empty value, sorted by name, written {@code name=value} (raw UTF-8, not URL-encoded)
 * and joined by {@code &}; HMAC-SHA256 of that string with the merchant's secret key, in lower-case hex.
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

    /** Constant-time comparison of the given {@code secure_hash} with the one the parameters should carry. */
    static boolean verify(Map<String, String> parameters, String secretKey) {
        String given = parameters.get(HASH);
        return given != null && MessageDigest.isEqual(sign(parameters, secretKey).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
