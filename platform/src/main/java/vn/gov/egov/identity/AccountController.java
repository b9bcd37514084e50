package vn.gov.egov.identity;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each official's own page: who they are, their positions, and their login history. */
@Controller
class AccountController {

    private final OfficialAccounts accounts;
    private final LoginHistory history;

    AccountController(OfficialAccounts accounts, LoginHistory history) {
        this.accounts = accounts;
        this.history = history;
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        OfficialAccounts.Account account = accounts.byUsername(principal.getName()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("positions", accounts.positions(account.id()));
        model.addAttribute("logins", history.of(account.username(), 50));
        return "identity/account";
    }
}
