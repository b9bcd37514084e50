package vn.gov.national.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Says plainly what this is, and which simulated national systems it serves so far. */
@RestController
class SimulatorInfoController {

    private final SimulatedSystems systems;

    SimulatorInfoController(SimulatedSystems systems) {
        this.systems = systems;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>TRÌNH MÔ PHỎNG hệ thống quốc gia</title></head>
                <body><main><h1>TRÌNH MÔ PHỎNG các hệ thống quốc gia (SIMULATOR)</h1>
                <p>Đây KHÔNG phải hệ thống thật. Dùng cho kiểm thử và trình diễn nền tảng Chính quyền điện tử.</p><ul>
                """);
        systems.all().forEach(s -> {
            html.append("<li>").append(s.name()).append(" – ")
                    .append("available".equals(s.status()) ? "đang mô phỏng (available)" : "chưa có (planned)");
            if (s.path() != null) {
                String path = s.path();
                html.append(": ").append(path.contains("{") ? "<code>" + path + "</code>" : "<a href=\"" + path + "\">" + path + "</a>");
            }
            html.append("</li>");
        });
        return html.append("</ul></main></body></html>").toString();
    }

    @GetMapping(value = "/simulator", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> info() {
        List<SimulatedSystems.SimulatedSystem> all = systems.all();
        return Map.of("simulator", true,
                "notice", "SIMULATOR of national systems - not a real national system",
                "systems", all);
    }
}
