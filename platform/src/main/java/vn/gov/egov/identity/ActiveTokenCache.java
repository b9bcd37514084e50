package vn.gov.egov.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Remembers for a short time that an access token was found active in the authorization store, so that a client
 * calling the API many times a second does not cost a signature check and a store read (and its JSON parsing) per
 * call; a remembered token past its expiry is never accepted.
 * <p>
 * A revocation on this node ends the memory of the token at once: every change of an authorization goes through
 * {@link Evicting}, which forgets its access token. Another node of the cluster learns of a revocation when its
 * memory expires ({@code egov.identity.active-token-memory}, default 5 s; {@code 0} turns the memory off).
 */
final class ActiveTokenCache {

    private static final int MAX_ENTRIES = 20_000;

    private final long ttlNanos;
    private final Map<String, Remembered> activeUntil = new ConcurrentHashMap<>();

    /** A token's decoded, verified form, and until when (System.nanoTime) it is trusted without asking again. */
    private record Remembered(org.springframework.security.oauth2.jwt.Jwt jwt, long until) {
    }
    /** Counts changes of authorizations, so that a read that raced a revocation is not remembered. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    ActiveTokenCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The token as it was verified (signature, time) and found active within the memory, while it has not expired;
     * otherwise empty, and the caller verifies and asks the store.
     */
    java.util.Optional<org.springframework.security.oauth2.jwt.Jwt> knownActive(String token) {
        if (ttlNanos <= 0) {
            return java.util.Optional.empty();
        }
        Remembered remembered = activeUntil.get(token);
        if (remembered == null) {
            return java.util.Optional.empty();
        }
        java.time.Instant expiresAt = remembered.jwt().getExpiresAt();
        if (System.nanoTime() - remembered.until() > 0 || (expiresAt != null && !expiresAt.isAfter(java.time.Instant.now()))) {
            activeUntil.remove(token, remembered);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(remembered.jwt());
    }

    long changes() {
        return changes.get();
    }

    /** Remembers the token, unless an authorization changed since {@code changesBeforeRead}. */
    void rememberActive(String token, org.springframework.security.oauth2.jwt.Jwt jwt, long changesBeforeRead) {
        if (ttlNanos <= 0 || changes.get() != changesBeforeRead) {
            return;
        }
        if (activeUntil.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            activeUntil.values().removeIf(remembered -> now - remembered.until() > 0);
            if (activeUntil.size() >= MAX_ENTRIES) {
                activeUntil.clear();
            }
        }
        activeUntil.put(token, new Remembered(jwt, System.nanoTime() + ttlNanos));
    }

    /** Forgets every remembered token: after authorizations were deleted in bulk (an official's access changed, a client removed). */
    void forgetAll() {
        changes.incrementAndGet();
        activeUntil.clear();
    }

    void forget(OAuth2Authorization authorization) {
        changes.incrementAndGet();
        if (authorization != null && authorization.getAccessToken() != null) {
            activeUntil.remove(authorization.getAccessToken().getToken().getTokenValue());
        }
    }

    /** The authorization store, forgetting the remembered token of every authorization it saves or removes. */
    static final class Evicting implements OAuth2AuthorizationService {

        private final OAuth2AuthorizationService store;
        private final ActiveTokenCache cache;

        Evicting(OAuth2AuthorizationService store, ActiveTokenCache cache) {
            this.store = store;
            this.cache = cache;
        }

        @Override
        public void save(OAuth2Authorization authorization) {
            cache.forget(authorization);
            store.save(authorization);
            cache.forget(authorization);
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            cache.forget(authorization);
            store.remove(authorization);
            cache.forget(authorization);
        }

        @Override
        public OAuth2Authorization findById(String id) {
            return store.findById(id);
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return store.findByToken(token, tokenType);
        }
    }
}
