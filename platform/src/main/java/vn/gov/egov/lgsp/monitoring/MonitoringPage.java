package vn.gov.egov.lgsp.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monitoring page: alerts, per service, per consumer, per subscription, with charts and tables. */
@Controller
@RequestMapping("/lgsp/monitoring")
class MonitoringPage {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** An alert as the page shows it. */
    record AlertRow(MonitoringAlert alert, String openedAt, String resolvedAt) {

        static AlertRow of(MonitoringAlert a) {
            return new AlertRow(a, MOMENT.format(a.openedAt()), a.resolvedAt() == null ? null : MOMENT.format(a.resolvedAt()));
        }
    }

    private final MonitoringOverview overview;
    private final AlertStore alerts;

    MonitoringPage(MonitoringOverview overview, AlertStore alerts) {
        this.overview = overview;
        this.alerts = alerts;
    }

    @GetMapping
    String page(@RequestParam(required = false) String window, Model model, HttpServletResponse response) {
        MonitoringOverview.Window chosen;
        try {
            chosen = MonitoringApi.window(window);
        } catch (ErrorResponseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("windowError", e.getBody().getDetail());
            chosen = MonitoringOverview.Window.M15;
        }
        List<MonitoringOverview.ServiceStatus> services = overview.services(chosen);
        List<MonitoringOverview.ConsumerStatus> consumers = overview.consumers(chosen);
        model.addAttribute("window", chosen);
        model.addAttribute("windows", MonitoringOverview.Window.values());
        model.addAttribute("services", services);
        model.addAttribute("consumers", consumers);
        model.addAttribute("subscriptions", overview.subscriptions());
        model.addAttribute("openAlerts", alerts.open().stream().map(AlertRow::of).toList());
        model.addAttribute("recentAlerts", alerts.recent(20).stream().filter(a -> !a.open()).map(AlertRow::of).toList());
        model.addAttribute("serviceChart", BarChart.of("Lượt gọi theo dịch vụ, " + chosen.vietnamese() + " qua",
                "Chưa có lượt gọi nào trong " + chosen.vietnamese() + " qua.",
                "Số lượt gọi của các dịch vụ bận nhất trong " + chosen.vietnamese()
                        + " qua, kèm tỷ lệ lỗi và độ trễ p95; thanh màu đỏ: tỷ lệ lỗi từ 10 % hoặc bộ ngắt mạch mở. "
                        + "Số liệu đầy đủ ở bảng bên cạnh.",
                services.stream().filter(s -> s.calls() > 0).toList(), MonitoringOverview.ServiceStatus::service,
                MonitoringOverview.ServiceStatus::calls,
                s -> String.format(Locale.ROOT, "%d lượt, lỗi %.1f %%, p95 %.1f ms", s.calls(), s.errorRate() * 100,
                        s.p95Millis()),
                s -> s.errorRate() >= 0.1 || "open".equals(s.circuit())));
        model.addAttribute("consumerChart", BarChart.of("Lượt gọi theo hệ thống gọi, " + chosen.vietnamese() + " qua",
                "Chưa có lượt gọi nào trong " + chosen.vietnamese() + " qua.",
                "Số lượt gọi của các hệ thống gọi nhiều nhất trong " + chosen.vietnamese()
                        + " qua, kèm tỷ lệ lỗi; thanh màu đỏ: tỷ lệ lỗi từ 10 %. Số liệu đầy đủ ở bảng bên cạnh.",
                consumers, MonitoringOverview.ConsumerStatus::consumer, MonitoringOverview.ConsumerStatus::calls,
                c -> String.format(Locale.ROOT, "%d lượt, lỗi %.1f %%", c.calls(), c.errorRate() * 100),
                c -> c.errorRate() >= 0.1));
        return "lgsp/monitoring/overview";
    }
}
