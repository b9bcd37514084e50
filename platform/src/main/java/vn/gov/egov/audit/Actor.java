package vn.gov.egov.audit;

import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acted: the account's id, a display name, the roles held at that moment (without the {@code ROLE_} prefix)
 * and the code of the agency acted for. All may be null except roles.
 */
public record Actor(String userId, String displayName, List<String> roles, String agencyCode) {

    public static final String SYSTEM_ID = "system";

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The platform itself: scheduled jobs, reference data, start-up. */
    public static Actor system() {
        return new Actor(SYSTEM_ID, null, List.of(), null);
    }

    /** An account known only by its id, e.g. from an event that names the user. */
    public static Actor user(String userId) {
        return new Actor(userId, null, List.of(), null);
    }

    /** The authenticated user of the current thread, or null when there is none (or only an anonymous one). */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user of an authentication, with the roles it grants; null for none or anonymous. */
    public static Actor of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        List<String> roles = authentication.getAuthorities() == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        return new Actor(authentication.getName(), null, roles, null);
    }
}
