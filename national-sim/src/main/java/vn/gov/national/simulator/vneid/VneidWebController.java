package vn.gov.national.simulator.vneid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The simulated VNeID's pages, and the JSON list of its FAKE test identities. */
@Controller
@RequestMapping(VneidProperties.PATH)
class VneidWebController {

    private final TestIdentities identities;

    private final VneidProperties properties;

    VneidWebController(TestIdentities identities, VneidProperties properties) {
        this.identities = identities;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("identities", identities.all());
        model.addAttribute("password", properties.getPassword());
        return "vneid/login";
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("identity", authentication == null ? null
                : identities.bySub(authentication.getName()).orElse(null));
        return "vneid/home";
    }

    /** SIMULATOR ONLY: lists the fake identities in full, with the password, for tests and demonstrations. */
    @GetMapping(value = "/test-identities", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> testIdentities() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("simulator", true);
        body.put("notice", identities.notice());
        body.put("password", properties.getPassword());
        body.put("identities", identities.all());
        return body;
    }
}
