package vn.gov.egov.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs: the links that switch language on the same page, and the current path for the menu. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("layout")
    Layout layout(HttpServletRequest request, Locale locale) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        return new Layout(path, switchTo(path, query, "vi"), switchTo(path, query, "en"), locale.getLanguage(),
                displayName(request.getUserPrincipal()));
    }

    /** Who is logged in, as the menu names them: a citizen by their name (their login name is an account id), an official by username. */
    private static String displayName(java.security.Principal principal) {
        if (principal instanceof org.springframework.security.core.Authentication authentication
                && authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser citizen
                && citizen.getFullName() != null) {
            return citizen.getFullName();
        }
        return principal == null ? null : principal.getName();
    }

    private static String switchTo(String path, String query, String language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build().toUriString();
    }

    record Layout(String path, String vietnameseUrl, String englishUrl, String language, String userName) {
        public boolean isActive(String prefix) {
            return "/".equals(prefix) ? "/".equals(path) : path.startsWith(prefix);
        }
    }
}
