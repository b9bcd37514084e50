package vn.gov.egov.lgsp.gateway;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The caller's access token: a bearer JWT checked by the platform's {@code JwtDecoder} (signature, expiry and, inside
 * the platform, revocation) and, when an issuer is configured, issued by it. Each failure has its own error class.
 * <p>
 * In the gateway-only process the decoder also asks the SSO (token introspection, {@link IntrospectingJwtDecoder}); when
 * the SSO cannot answer, {@code gateway.token_check_unavailable} (503), never a pass.
 * <p>
 * Concurrent calls with the same token share one check (a consumer's 32 workers starting at once with a fresh token
 * cause one authorization-store read, not 32 competing for database connections); nothing is kept once it is done,
 * so revocation works exactly as the decoder's.
 */
final class TokenCheck {

    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Jwt>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final JwtDecoder decoder;
    private final String issuer;

    TokenCheck(JwtDecoder decoder, String issuer) {
        this.decoder = decoder;
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    }

    Jwt check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new GatewayRefusal(GatewayError.TOKEN_MISSING,
                    "Cần tiêu đề Authorization: Bearer <mã truy cập> lấy từ SSO của tỉnh (client credentials)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            throw new GatewayRefusal(GatewayError.TOKEN_MISSING, "Tiêu đề Authorization phải có dạng 'Bearer <mã truy cập>'");
        }
        String token = authorization.substring(7).strip();
        Jwt jwt;
        try {
            jwt = decodeOnce(token);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream()
                    .anyMatch(error -> error.getDescription() != null && error.getDescription().contains("expired"));
            if (expired) {
                throw new GatewayRefusal(GatewayError.TOKEN_EXPIRED, "Mã truy cập đã hết hạn: xin mã mới từ SSO của tỉnh");
            }
            throw new GatewayRefusal(GatewayError.TOKEN_INVALID, "Mã truy cập không hợp lệ: " + describe(e));
        } catch (BadJwtException e) {
            String why = e.getMessage() != null && e.getMessage().contains("revoked")
                    ? "đã bị thu hồi hoặc SSO không biết" : "chữ ký hoặc định dạng sai";
            throw new GatewayRefusal(GatewayError.TOKEN_INVALID, "Mã truy cập không hợp lệ: " + why);
        } catch (TokenIntrospection.Unavailable e) {
            throw new GatewayRefusal(GatewayError.TOKEN_CHECK_UNAVAILABLE, e.getMessage() + "; thử lại sau", 5);
        } catch (JwtException e) {
            throw new GatewayRefusal(GatewayError.TOKEN_INVALID, "Không kiểm tra được mã truy cập");
        }
        if (issuer != null && (jwt.getIssuer() == null || !issuer.equals(jwt.getIssuer().toString()))) {
            throw new GatewayRefusal(GatewayError.TOKEN_INVALID, "Mã truy cập do nơi khác cấp, không phải SSO của tỉnh");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new GatewayRefusal(GatewayError.TOKEN_INVALID, "Mã truy cập không có 'sub' (mã ứng dụng)");
        }
        return jwt;
    }

    private Jwt decodeOnce(String token) {
        java.util.concurrent.CompletableFuture<Jwt> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Jwt> running = inFlight.putIfAbsent(token, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            Jwt jwt = decoder.decode(token);
            mine.complete(jwt);
            return jwt;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(token, mine);
        }
    }

    private static String describe(JwtValidationException e) {
        return e.getErrors().stream().map(error -> error.getErrorCode()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("sai");
    }
}
