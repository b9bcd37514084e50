package vn.gov.egov.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/workspace")
    String workspace() {
        return "web/workspace";
    }
}
