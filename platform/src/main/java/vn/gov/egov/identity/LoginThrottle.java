package vn.gov.egov.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing from one address: at most {@code egov.identity.login-throttle.max-attempts} (30)
 * login attempts per {@link #WINDOW} per IP address on this node (accounts are also locked in the database after
 * repeated failures).
 */
@Component
class LoginThrottle {

    static final int MAX_ATTEMPTS = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final int maxAttempts;

    LoginThrottle(@org.springframework.beans.factory.annotation.Value("${egov.identity.login-throttle.max-attempts:" + MAX_ATTEMPTS + "}")
                  int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    boolean allow(String ip, Instant now) {
        if (attempts.size() > 100_000) {
            attempts.clear();
        }
        Deque<Instant> recent = attempts.computeIfAbsent(ip == null ? "?" : ip, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= maxAttempts) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }
}
