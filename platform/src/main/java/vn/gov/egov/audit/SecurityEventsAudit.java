package vn.gov.egov.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Logins, failed logins, logouts and refused accesses, from Spring Security's events (published by Boot's
 * {@code DefaultAuthenticationEventPublisher} and the authorization filter). Handled on the request's thread, so the
 * source IP and user agent are the request's. An official's login is recorded when the second factor completes it;
 * a refused bearer token is a {@code LOGIN_FAILED}. Refusals of anonymous visitors are not recorded: they are asked to log in.
 * <p>
 * A failure to record is logged and does not fail the login: the authentication itself must keep working.
 */
@Component
class SecurityEventsAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventsAudit.class);

    private final AuditTrail trail;

    SecurityEventsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        // a first factor alone (the password before the one-time code) is not a login; using a bearer token is not one either
        if (!authentication.isAuthenticated() || authentication.getClass().getSimpleName().equals("JwtAuthenticationToken")) {
            return;
        }
        record(AuditRecord.builder(AuditActions.LOGIN, Outcome.SUCCESS)
                .actor(Actor.of(authentication))
                .detail("method", method(authentication)));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        record(AuditRecord.builder(AuditActions.LOGIN_FAILED, Outcome.FAILURE)
                .actor(Actor.user(attempt == null ? null : attempt.getName()))
                .detail("method", method(attempt))
                .detail("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        record(AuditRecord.builder(AuditActions.LOGOUT, Outcome.SUCCESS).actor(Actor.of(event.getAuthentication())));
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return;
        }
        AuditRecord.Builder denied = AuditRecord.builder(AuditActions.ACCESS_DENIED, Outcome.DENIED)
                .actor(Actor.of(authentication));
        if (event.getObject() instanceof HttpServletRequest request) {
            denied.object("http-request", request.getRequestURI()).detail("method", request.getMethod());
        } else {
            denied.object(event.getObject() == null ? null : event.getObject().getClass().getSimpleName(), null);
        }
        record(denied);
    }

    private void record(AuditRecord.Builder builder) {
        try {
            trail.record(builder.fromCurrentRequest().build());
        } catch (RuntimeException e) {
            log.error("Could not write a security event to the audit trail", e);
        }
    }

    /** How the user authenticated: a login form, HTTP Basic on the API, or another mechanism. */
    private static String method(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return authentication == null ? null : authentication.getClass().getSimpleName();
        }
        HttpServletRequest request = RequestOrigin.currentRequest();
        if (request == null) {
            return "password";
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) ? "basic" : "form";
    }
}
