package vn.gov.egov.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an official's session that began before their access was cut (a position revoked, the account disabled, the
 * second factor reset): on every node, at the next request, before Spring Security reads the session. Runs ahead
 * of the security filters so that the single sign-on endpoints do not issue tokens from such a session either.
 */
final class StaleSessions extends OncePerRequestFilter {

    private final OfficialAccounts accounts;

    StaleSessions(OfficialAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/webjars/") || path.startsWith("/favicon");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                        && stale(context.getAuthentication())) {
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to end
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stale(Authentication authentication) {
        Optional<Instant> loggedIn = authentication == null ? Optional.empty() : authentication.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority f && OfficialLogin.SECOND_FACTOR.equals(f.getAuthority()))
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt()).findFirst();
        if (loggedIn.isEmpty()) {
            return false;
        }
        return accounts.byUsername(authentication.getName())
                .map(account -> !account.active() || account.accessChangedAt().isAfter(loggedIn.get()))
                .orElse(true);
    }
}
