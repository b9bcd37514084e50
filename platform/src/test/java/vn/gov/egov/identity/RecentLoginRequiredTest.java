package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Sensitive page actions need a login, or a confirmation, within the configured window. */
class RecentLoginRequiredTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private final RecentLoginRequired interceptor = new RecentLoginRequired(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anActionElevenMinutesAfterTheLoginIsSentToConfirmTheIdentityAndComesBackToItsPage() throws Exception {
        MockHttpServletRequest request = post("/admin/officials/stp.motcua/disable", NOW.minus(Duration.ofMinutes(11)));
        request.addHeader("Referer", "http://localhost:8080/admin/officials/stp.motcua?tab=1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean passed = interceptor.preHandle(request, response, new Object());

        assertThat(passed).isFalse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login/confirm");
        assertThat(request.getSession().getAttribute(RecentLoginRequired.RETURN_TO)).isEqualTo("/admin/officials/stp.motcua?tab=1");
    }

    @Test
    void anActionNineMinutesAfterTheLoginGoesThrough() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean passed = interceptor.preHandle(post("/account/password", NOW.minus(Duration.ofMinutes(9))), response, new Object());

        assertThat(passed).isTrue();
        assertThat(response.getRedirectedUrl()).isNull();
    }

    @Test
    void readingAPageNeverNeedsAConfirmation() throws Exception {
        MockHttpServletRequest request = post("/admin/officials", NOW.minus(Duration.ofHours(2)));
        request.setMethod("GET");

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
    }

    @Test
    void aSessionWithoutALoginTimeOrAnotherSitesRefererReturnsToTheAccountPage() throws Exception {
        MockHttpServletRequest request = post("/admin/identity/clients", null);
        request.addHeader("Referer", "https://evil.example/admin/identity/clients");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(interceptor.preHandle(request, response, new Object())).isFalse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login/confirm");
        assertThat(request.getSession().getAttribute(RecentLoginRequired.RETURN_TO)).isEqualTo("/account");
    }

    private static MockHttpServletRequest post(String path, Instant authenticatedAt) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServerName("localhost");
        request.setServerPort(8080);
        if (authenticatedAt != null) {
            request.getSession().setAttribute(OfficialLogin.AUTHENTICATED_AT, authenticatedAt);
        }
        return request;
    }
}
