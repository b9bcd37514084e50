package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The official's own password: changed on the account page, or chosen at the first login after a generated one. */
@Controller
class PasswordController {

    private final ChangingPassword changing;
    private final SecondFactorController secondFactor;

    PasswordController(ChangingPassword changing, SecondFactorController secondFactor) {
        this.changing = changing;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("firstLogin", false);
        model.addAttribute("errors", Map.of());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeated, Principal principal, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = changing.change(principal.getName(), current, newPassword, repeated);
        if (!errors.isEmpty()) {
            model.addAttribute("firstLogin", false);
            model.addAttribute("errors", errors);
            return "identity/password";
        }
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/account";
    }

    @GetMapping("/login/password")
    String firstForm(HttpServletRequest request, Model model) {
        if (owed(request.getSession(false)) == null) {
            return "redirect:/login";
        }
        model.addAttribute("firstLogin", true);
        model.addAttribute("errors", Map.of());
        return "identity/password";
    }

    @PostMapping("/login/password")
    String first(@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeated,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        ChangingPassword.Owed owed = owed(request.getSession(false));
        if (owed == null) {
            return "redirect:/login";
        }
        Map<String, String> errors = changing.change(owed.username(), null, newPassword, repeated);
        if (!errors.isEmpty()) {
            model.addAttribute("firstLogin", true);
            model.addAttribute("errors", errors);
            return "identity/password";
        }
        request.getSession().removeAttribute(ChangingPassword.OWED);
        return secondFactor.complete(owed.authentication(), request, response);
    }

    private static ChangingPassword.Owed owed(HttpSession session) {
        if (session == null || !(session.getAttribute(ChangingPassword.OWED) instanceof ChangingPassword.Owed owed)) {
            return null;
        }
        if (owed.since().plus(ChangingPassword.OWED_FOR).isBefore(Instant.now())) {
            session.removeAttribute(ChangingPassword.OWED);
            return null;
        }
        return owed;
    }
}
