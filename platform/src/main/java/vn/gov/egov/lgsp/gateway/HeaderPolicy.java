package vn.gov.egov.lgsp.gateway;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Never: hop-by-hop headers (and those a {@code Connection} header names),
 * cookies, framing headers (the gateway frames each side itself) and any {@code X-Lgsp-*} (only the gateway sets
 * them). Toward the provider also never the consumer's token ({@code Authorization}: the provider learns the
 * consumer from {@code X-Lgsp-Client}) nor forwarding headers it could forge ({@code Forwarded}, {@code X-Forwarded-*},
 * {@code X-Real-IP}).
 */
final class HeaderPolicy {

    private static final Set<String> NEVER = Set.of("connection", "keep-alive", "te", "trailer", "trailers",
            "transfer-encoding", "upgrade", "cookie", "set-cookie", "set-cookie2", "content-length", "host", "expect",
            "http2-settings");
    private static final Set<String> NOT_TO_PROVIDER = Set.of("authorization", "forwarded", "x-real-ip", "via");

    private HeaderPolicy() {
    }

    static boolean toProvider(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return crosses(lower, connectionTokens) && !NOT_TO_PROVIDER.contains(lower) && !lower.startsWith("x-forwarded-");
    }

    static boolean toConsumer(String name, Set<String> connectionTokens) {
        return crosses(name.toLowerCase(Locale.ROOT), connectionTokens);
    }

    private static boolean crosses(String lower, Set<String> connectionTokens) {
        return !NEVER.contains(lower) && !lower.startsWith("proxy-") && !lower.startsWith("x-lgsp-")
                && !connectionTokens.contains(lower);
    }

    /** The header names a {@code Connection} header lists (lower case). */
    static Set<String> connectionTokens(java.util.Enumeration<String> connectionHeaders) {
        if (connectionHeaders == null || !connectionHeaders.hasMoreElements()) {
            return Set.of();
        }
        java.util.Set<String> tokens = new java.util.HashSet<>();
        while (connectionHeaders.hasMoreElements()) {
            for (String token : connectionHeaders.nextElement().split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    /** A value that would split a header (CR, LF) or carries NUL or other control characters (tab allowed). */
    static boolean unsafeValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
