package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sensitive page actions (changing officials, client applications, signing keys, one's own password) need a login
 * or a confirmation of the password and one-time code at most {@code window} ago; otherwise the official is sent to
 * {@code /login/confirm} and then back to the page the action came from. API calls carry short-lived tokens instead.
 */
final class RecentLoginRequired implements HandlerInterceptor {

    /** Session attribute: where to go back after the confirmation. */
    static final String RETURN_TO = "egov.login.confirmReturnTo";
    static final String DEFAULT_RETURN = "/account";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Duration window;
    private final Clock clock;

    RecentLoginRequired(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object at = session == null ? null : session.getAttribute(OfficialLogin.AUTHENTICATED_AT);
        if (at instanceof Instant authenticatedAt && !authenticatedAt.plus(window).isBefore(clock.instant())) {
            return true;
        }
        request.getSession().setAttribute(RETURN_TO, returnTo(request));
        response.sendRedirect(request.getContextPath() + "/login/confirm");
        return false;
    }

    /** The page of this site the action was sent from (the Referer), or the account page. Never another site. */
    static String returnTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return DEFAULT_RETURN;
        }
        try {
            URI from = URI.create(referer);
            int port = from.getPort() == -1 ? ("https".equals(from.getScheme()) ? 443 : 80) : from.getPort();
            String path = from.getRawPath();
            if (!request.getServerName().equalsIgnoreCase(from.getHost()) || port != request.getServerPort()
                    || path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) {
                return DEFAULT_RETURN;
            }
            path = path.substring(request.getContextPath().length());
            if (path.startsWith("/login")) {
                return DEFAULT_RETURN;
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException e) {
            return DEFAULT_RETURN;
        }
    }
}
