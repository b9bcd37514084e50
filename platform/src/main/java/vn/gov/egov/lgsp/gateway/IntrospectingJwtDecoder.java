package vn.gov.egov.lgsp.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The gateway process's token check (it has no authorization store of its own): the SSO's published keys, issuer and
 * expiry first (garbage and foreign tokens are refused without asking anyone), then the SSO's token introspection,
 * whose answer is remembered per token for a short time ({@code egov.lgsp.gateway.introspection.memory}, 5 s): a
 * token revoked at the SSO is refused within that time, and a consumer calling many times a second costs one
 * introspection per token per memory. A remembered token is never accepted past its expiry; a refused one stays
 * refused while remembered. When the SSO cannot answer, {@link TokenIntrospection.Unavailable}: never a pass.
 */
final class IntrospectingJwtDecoder implements JwtDecoder {

    static final String REVOKED = "The access token was revoked or is unknown to the SSO (introspection: inactive)";
    private static final int MAX_ENTRIES = 20_000;

    /** The token as verified (null when the SSO said inactive), and until when (nano clock) the answer holds. */
    private record Answer(Jwt jwt, long until) {
    }

    private final JwtDecoder signatureAndTime;
    private final TokenIntrospection introspection;
    private final long memoryNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    IntrospectingJwtDecoder(JwtDecoder signatureAndTime, TokenIntrospection introspection, Duration memory, LongSupplier nanoClock) {
        this.signatureAndTime = signatureAndTime;
        this.introspection = introspection;
        this.memoryNanos = memory.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public Jwt decode(String token) {
        Answer known = answers.get(token);
        if (known != null) {
            if (nanoClock.getAsLong() - known.until() >= 0) {
                answers.remove(token, known);
            } else if (known.jwt() == null) {
                throw new BadJwtException(REVOKED);
            } else {
                Instant expiresAt = known.jwt().getExpiresAt();
                if (expiresAt == null || expiresAt.isAfter(Instant.now())) {
                    return known.jwt();
                }
                answers.remove(token, known);
            }
        }
        Jwt jwt = signatureAndTime.decode(token);
        boolean active = introspection.active(token);
        remember(token, active ? jwt : null);
        if (!active) {
            throw new BadJwtException(REVOKED);
        }
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (memoryNanos <= 0) {
            return;
        }
        if (answers.size() >= MAX_ENTRIES) {
            long now = nanoClock.getAsLong();
            answers.values().removeIf(answer -> now - answer.until() >= 0);
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear();
            }
        }
        answers.put(token, new Answer(jwt, nanoClock.getAsLong() + memoryNanos));
    }
}
