package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second login step: a one-time code from the official's authenticator app (enrolled at the first login). */
@Controller
class SecondFactorController implements AuthenticationSuccessHandler {

    private final OfficialLogin login;
    private final OfficialAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();
    private final boolean demo;
    private final ApplicationEventPublisher events;

    SecondFactorController(OfficialLogin login, OfficialAccounts accounts, @Value("${egov.demo.enabled:false}") boolean demo,
                           ApplicationEventPublisher events) {
        this.login = login;
        this.accounts = accounts;
        this.demo = demo;
        this.events = events;
    }

    /** After the right password: remember who is half-way, but stay logged out until the code is given. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
        request.getSession().setAttribute(OfficialLogin.PENDING, new OfficialLogin.Pending(authentication.getName(), Instant.now()));
        response.sendRedirect(request.getContextPath() + "/login/totp");
    }

    @GetMapping("/login/totp")
    String form(HttpServletRequest request, Model model) {
        Optional<OfficialLogin.Pending> pending = OfficialLogin.pending(request.getSession(false));
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        describe(pending.get(), model);
        return "identity/totp";
    }

    @PostMapping("/login/totp")
    String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        Optional<OfficialLogin.Pending> pending = OfficialLogin.pending(request.getSession(false));
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        Optional<Authentication> full = login.completeSecondFactor(pending.get(), code);
        if (full.isEmpty()) {
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(pending.get().username(), null),
                    new BadCredentialsException("Wrong or reused one-time code")));
            model.addAttribute("codeError", true);
            describe(pending.get(), model);
            return "identity/totp";
        }
        request.getSession().removeAttribute(OfficialLogin.PENDING);
        if (accounts.byUsername(pending.get().username()).map(OfficialAccounts.Account::mustChangePassword).orElse(false)) {
            // a generated first password: the official chooses their own before the login is complete
            request.getSession().setAttribute(ChangingPassword.OWED, new ChangingPassword.Owed(pending.get().username(), full.get(), Instant.now()));
            return "redirect:/login/password";
        }
        return complete(full.get(), request, response);
    }

    /** Both factors given (and a first password changed): the official is logged in. */
    String complete(Authentication full, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(OfficialLogin.AUTHENTICATED_AT, Instant.now());
        events.publishEvent(new AuthenticationSuccessEvent(full));
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            return "redirect:" + saved.getRedirectUrl();
        }
        return "redirect:/workspace";
    }

    private void describe(OfficialLogin.Pending pending, Model model) {
        OfficialAccounts.Account account = accounts.byUsername(pending.username()).orElseThrow();
        model.addAttribute("enrolment", !account.totpConfirmed());
        if (!account.totpConfirmed() || demo) {
            String secret = login.totpSecret(account);
            if (!account.totpConfirmed()) {
                String uri = Totp.provisioningUri("EGov Lang Son", account.username(), secret);
                model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
                model.addAttribute("qr", QrCodes.svg(uri));
            }
            if (demo) {
                model.addAttribute("demoCode", Totp.code(secret, Totp.step(Instant.now())));
            }
        }
    }
}
