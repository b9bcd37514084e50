package vn.gov.egov.identity;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A citizen's own page: the identity VNeID vouched for (personal data masked) and the businesses they represent. */
@Controller
class MyAccountController {

    private final CitizenAccounts accounts;
    private final LoginHistory history;

    MyAccountController(CitizenAccounts accounts, LoginHistory history) {
        this.accounts = accounts;
        this.history = history;
    }

    @GetMapping("/my")
    String my(@AuthenticationPrincipal OidcUser user, Model model) {
        UUID id = UUID.fromString(user.getName());
        CitizenAccounts.Citizen citizen = accounts.byId(id).orElseThrow();
        model.addAttribute("citizen", citizen);
        model.addAttribute("address", vn.gov.egov.personaldata.PostalAddress.maskLine(citizen.address()));
        model.addAttribute("phone", citizen.phone() == null ? null : vn.gov.egov.personaldata.PhoneNumber.of(citizen.phone()).masked());
        model.addAttribute("businesses", accounts.representations(id));
        model.addAttribute("logins", history.of(id.toString(), 20));
        return "identity/my";
    }
}
