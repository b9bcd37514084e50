package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    @Test
    void hopByHopCookiesTokensForwardingAndGatewayHeadersNeverReachTheProvider() {
        Set<String> named = HeaderPolicy.connectionTokens(Collections.enumeration(List.of("keep-alive, X-Secret-Hop", "Upgrade")));
        assertThat(named).containsExactlyInAnyOrder("keep-alive", "x-secret-hop", "upgrade");
        for (String name : List.of("Connection", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
                "Proxy-Authorization", "Proxy-Connection", "Cookie", "Set-Cookie", "Authorization", "Forwarded",
                "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP", "X-Lgsp-Client", "x-lgsp-request-id", "X-Secret-Hop",
                "Host", "Content-Length", "Expect")) {
            assertThat(HeaderPolicy.toProvider(name, named)).as(name).isFalse();
        }
        for (String name : List.of("Content-Type", "Accept", "Accept-Language", "If-None-Match", "X-Request-Id", "User-Agent")) {
            assertThat(HeaderPolicy.toProvider(name, named)).as(name).isTrue();
        }
    }

    @Test
    void theProviderCannotSetCookiesNorForgeGatewayHeadersTowardTheConsumer() {
        for (String name : List.of("Set-Cookie", "Connection", "Transfer-Encoding", "X-Lgsp-Response-Hash", "Proxy-Authenticate",
                "Content-Length")) {
            assertThat(HeaderPolicy.toConsumer(name, Set.of())).as(name).isFalse();
        }
        assertThat(HeaderPolicy.toConsumer("Content-Type", Set.of())).isTrue();
        assertThat(HeaderPolicy.toConsumer("ETag", Set.of())).isTrue();
        assertThat(HeaderPolicy.toConsumer("X-Internal", Set.of("x-internal"))).isFalse();
    }

    @Test
    void controlCharactersInAValueAreUnsafe() {
        assertThat(HeaderPolicy.unsafeValue("a\r\nSet-Cookie: x")).isTrue();
        assertThat(HeaderPolicy.unsafeValue("a\u0000")).isTrue();
        assertThat(HeaderPolicy.unsafeValue("text/plain;\tq=1")).isFalse();
    }
}
