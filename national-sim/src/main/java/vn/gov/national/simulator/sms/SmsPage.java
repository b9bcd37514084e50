package vn.gov.national.simulator.sms;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.gov.national.simulator.JsonBodyCheck;

/** The simulated SMS gateway's page: every message "sent", newest first. */
@Controller
class SmsPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(JsonBodyCheck.VIETNAM);

    private final SmsGateway gateway;

    SmsPage(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping({"/sms", "/sms/"})
    String page(Model model) {
        model.addAttribute("messages", gateway.find(null, null).stream().limit(200).map(m -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("at", TIME.format(m.at()));
            row.put("to", m.to());
            row.put("text", m.text());
            row.put("reference", m.reference() == null ? "" : m.reference());
            row.put("segments", String.valueOf(m.segments()));
            return row;
        }).toList());
        return "sms/home";
    }
}
