package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The short memory of active tokens: what it returns, and every way it forgets. */
class ActiveTokenCacheTest {

    private static Jwt jwt(Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").issuedAt(expiresAt.minusSeconds(600))
                .expiresAt(expiresAt).build();
    }

    @Test
    void aRememberedTokenIsReturnedUntilForgotten() {
        ActiveTokenCache cache = new ActiveTokenCache(Duration.ofMinutes(1));
        Jwt jwt = jwt(Instant.now().plusSeconds(300));
        cache.rememberActive("token-a", jwt, cache.changes());
        assertThat(cache.knownActive("token-a")).contains(jwt);
        assertThat(cache.knownActive("token-b")).isEmpty();

        cache.forgetAll();
        assertThat(cache.knownActive("token-a")).as("after a bulk revocation").isEmpty();
    }

    @Test
    void aReadThatRacedARevocationIsNotRememberedAndAnExpiredTokenNeverReturns() {
        ActiveTokenCache cache = new ActiveTokenCache(Duration.ofMinutes(1));
        long before = cache.changes();
        cache.forgetAll();
        cache.rememberActive("token-a", jwt(Instant.now().plusSeconds(300)), before);
        assertThat(cache.knownActive("token-a")).isEmpty();

        cache.rememberActive("token-old", jwt(Instant.now().minusSeconds(1)), cache.changes());
        assertThat(cache.knownActive("token-old")).isEmpty();
    }

    @Test
    void aMemoryOfZeroRemembersNothing() throws Exception {
        ActiveTokenCache off = new ActiveTokenCache(Duration.ZERO);
        off.rememberActive("token-a", jwt(Instant.now().plusSeconds(300)), off.changes());
        assertThat(off.knownActive("token-a")).isEmpty();

        ActiveTokenCache brief = new ActiveTokenCache(Duration.ofMillis(20));
        brief.rememberActive("token-a", jwt(Instant.now().plusSeconds(300)), brief.changes());
        Thread.sleep(40);
        assertThat(brief.knownActive("token-a")).as("after the memory").isEmpty();
    }
}
