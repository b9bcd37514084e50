package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Before a sensitive action, a logged-in official confirms who they are: password and one-time code again. */
@Controller
class ConfirmingIdentityController {

    private final OfficialLogin login;
    private final ApplicationEventPublisher events;

    ConfirmingIdentityController(OfficialLogin login, ApplicationEventPublisher events) {
        this.login = login;
        this.events = events;
    }

    @GetMapping("/login/confirm")
    String form(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "identity/confirm";
    }

    @PostMapping("/login/confirm")
    String confirm(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
                   Principal principal, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!login.confirm(principal.getName(), password, code)) {
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(principal.getName(), null),
                    new BadCredentialsException("Re-authentication refused")));
            model.addAttribute("username", principal.getName());
            model.addAttribute("failed", true);
            return "identity/confirm";
        }
        HttpSession session = request.getSession();
        session.setAttribute(OfficialLogin.AUTHENTICATED_AT, Instant.now());
        Object back = session.getAttribute(RecentLoginRequired.RETURN_TO);
        session.removeAttribute(RecentLoginRequired.RETURN_TO);
        // the action itself is not replayed: the official sends it again, knowingly
        redirect.addFlashAttribute("reconfirmed", true);
        return "redirect:" + (back instanceof String path ? path : RecentLoginRequired.DEFAULT_RETURN);
    }
}
