package vn.gov.egov.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean vneid;

    LoginController(@org.springframework.beans.factory.annotation.Value("${egov.vneid.enabled:false}") boolean vneid) {
        this.vneid = vneid;
    }

    @GetMapping("/login")
    String login(org.springframework.ui.Model model) {
        model.addAttribute("vneidEnabled", vneid);
        return "identity/login";
    }
}
