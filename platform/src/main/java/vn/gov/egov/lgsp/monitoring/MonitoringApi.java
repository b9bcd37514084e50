package vn.gov.egov.lgsp.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The LGSP's monitoring figures for operators (the province administrator may read). */
@RestController
@RequestMapping("/api/v1/lgsp/monitoring")
@Tag(name = "LGSP – giám sát", description = "Lượt gọi, lỗi, độ trễ, hạn mức, bộ ngắt mạch, hàng đợi đăng ký và cảnh báo "
        + "của LGSP (vận hành LGSP; quản trị tỉnh được xem)")
@ApiResponse(responseCode = "400", description = "Tham số không hợp lệ (problem+json)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class MonitoringApi {

    /** Open alerts and the latest ones, open or resolved. */
    record Alerts(List<MonitoringAlert> open, List<MonitoringAlert> recent) {
    }

    private final MonitoringOverview overview;
    private final AlertStore alerts;

    MonitoringApi(MonitoringOverview overview, AlertStore alerts) {
        this.overview = overview;
        this.alerts = alerts;
    }

    @GetMapping("/services")
    @Operation(summary = "Theo dịch vụ", description = "Lượt gọi, lỗi của LGSP (gateway.*) và của bên cung cấp (provider.*), "
            + "độ trễ p50/p95/p99 (ms, toàn cụm, từ nhật ký thông điệp), mức dùng hạn mức cao nhất (0–1) và trạng thái bộ "
            + "ngắt mạch (open/closed/unknown) trên nút trả lời.")
    List<MonitoringOverview.ServiceStatus> services(
            @Parameter(description = "15m, 1h hoặc 24h (mặc định 15m)") @RequestParam(required = false) String window) {
        return overview.services(window(window));
    }

    @GetMapping("/consumers")
    @Operation(summary = "Theo hệ thống gọi")
    List<MonitoringOverview.ConsumerStatus> consumers(
            @Parameter(description = "15m, 1h hoặc 24h (mặc định 15m)") @RequestParam(required = false) String window) {
        return overview.consumers(window(window));
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "Theo đăng ký nhận sự kiện", description = "Số sự kiện chờ, tuổi của sự kiện chờ lâu nhất (giây) và "
            + "số sự kiện hỏng (dead letter).")
    List<MonitoringOverview.SubscriptionStatus> subscriptions() {
        return overview.subscriptions();
    }

    @GetMapping("/alerts")
    @Operation(summary = "Cảnh báo đang mở và 50 cảnh báo gần nhất")
    Alerts alerts() {
        return new Alerts(alerts.open(), alerts.recent(50));
    }

    static MonitoringOverview.Window window(String value) {
        MonitoringOverview.Window window = MonitoringOverview.Window.of(value);
        if (window == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Tham số 'window': phải là 15m, 1h hoặc 24h.");
            problem.setType(URI.create("https://egov.langson.gov.vn/problems/invalid-parameter"));
            problem.setTitle("Tham số không hợp lệ");
            problem.setProperty("parameter", "window");
            problem.setProperty("rule", "one-of");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return window;
    }
}
