package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class GatewayHeadersTest {

    @Test
    void theResponseHashBindsTheBodyToTheRequestIdAndTheRequestHash() throws Exception {
        String requestHash = GatewayHeaders.bodyHash(new byte[0]);
        assertThat(requestHash).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(("req-1\n" + requestHash + "\n").getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(body));
        assertThat(GatewayHeaders.responseHash("req-1", requestHash, body)).isEqualTo(expected)
                .isNotEqualTo(GatewayHeaders.responseHash("req-2", requestHash, body));
    }

    @Test
    void eachTokenFailureHasItsOwnClass() {
        Jwt good = Jwt.withTokenValue("t").header("alg", "RS256").subject("app-1").issuer("https://sso.example")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        assertThat(new TokenCheck(t -> good, "https://sso.example").check("Bearer t").getSubject()).isEqualTo("app-1");
        assertThat(refusal(new TokenCheck(t -> good, null), null)).isEqualTo(GatewayError.TOKEN_MISSING);
        assertThat(refusal(new TokenCheck(t -> good, null), "Basic YTpi")).isEqualTo(GatewayError.TOKEN_MISSING);
        assertThat(refusal(new TokenCheck(t -> {
            throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token", "Jwt expired at 2026-01-01", null)));
        }, null), "Bearer t")).isEqualTo(GatewayError.TOKEN_EXPIRED);
        assertThat(refusal(new TokenCheck(t -> {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }, null), "Bearer t")).isEqualTo(GatewayError.TOKEN_INVALID);
        assertThat(refusal(new TokenCheck(t -> good, "https://other.example"), "Bearer t"))
                .as("a foreign issuer").isEqualTo(GatewayError.TOKEN_INVALID);
    }

    @Test
    void problemsAreJsonWithTheClassAndRequestId() {
        String json = PassingThrough.problem(GatewayError.QUOTA_EXCEEDED, "quá \"nhiều\"\n", "r-1", "/x");
        assertThat(json).contains("\"status\":429", "\"errorClass\":\"gateway.quota_exceeded\"", "\"requestId\":\"r-1\"",
                "\"detail\":\"quá \\\"nhiều\\\"\\n\"", "\"title\":\"Vượt hạn mức gọi dịch vụ\"");
    }

    private static GatewayError refusal(TokenCheck check, String header) {
        try {
            check.check(header);
        } catch (GatewayRefusal r) {
            return r.error;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aTokenWithoutSubjectIsInvalid() {
        Jwt noSubject = Jwt.withTokenValue("t").header("alg", "RS256").claim("x", 1).build();
        assertThatThrownBy(() -> new TokenCheck(t -> noSubject, null).check("Bearer t")).isInstanceOf(GatewayRefusal.class);
    }

    @Test
    void concurrentCallsWithTheSameTokenShareOneCheck() throws Exception {
        java.util.concurrent.atomic.AtomicInteger decodes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Jwt good = Jwt.withTokenValue("t").header("alg", "RS256").subject("app-1").build();
        TokenCheck check = new TokenCheck(t -> {
            decodes.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return good;
        }, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Jwt>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> check.check("Bearer t")));
        }
        Thread.sleep(300);
        release.countDown();
        for (java.util.concurrent.Future<Jwt> result : results) {
            assertThat(result.get().getSubject()).isEqualTo("app-1");
        }
        pool.shutdown();
        assertThat(decodes.get()).isLessThan(8);
        check.check("Bearer t");
        assertThat(decodes.get()).as("nothing kept after the check").isLessThan(9).isGreaterThan(1);
    }
}
