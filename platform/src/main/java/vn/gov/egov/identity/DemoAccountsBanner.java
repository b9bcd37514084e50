package vn.gov.egov.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In the demonstration profile only: says where the platform answers and with which demonstration accounts. */
@Component
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemoAccountsBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsBanner.class);

    private final String username;
    private final String password;
    private final String auditor;
    private final String auditorPassword;

    DemoAccountsBanner(@Value("${egov.security.bootstrap-admin.username:}") String username,
                       @Value("${egov.security.bootstrap-admin.password:}") String password,
                       @Value("${egov.security.bootstrap-auditor.username:}") String auditor,
                       @Value("${egov.security.bootstrap-auditor.password:}") String auditorPassword) {
        this.username = username;
        this.password = password;
        this.auditor = auditor;
        this.auditorPassword = auditorPassword;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        log.info("""

                ==================================================================================
                 Nền tảng Chính quyền điện tử tỉnh Lạng Sơn – DỮ LIỆU TRÌNH DIỄN (demo profile)
                 Cổng dịch vụ công:      {}/
                 Danh mục dùng chung:    {}/catalogs     Lịch ngày làm việc: {}/calendar
                 Tra cứu hồ sơ:          {}/tra-cuu-ho-so   Nộp hồ sơ: {}/procedures (công dân đăng nhập VNeID)
                   Công dân (VNeID mô phỏng): chọn một định danh trên trang mô phỏng, mật khẩu MoPhong@2025
                 Không gian làm việc:    {}/workspace   (đăng nhập: {}/login)
                   Bộ phận Một cửa:      {}/reception  ({} – mật khẩu như cán bộ)
                   Giải quyết hồ sơ:     {}/processing (chuyên viên, trưởng phòng, lãnh đạo, văn thư bên dưới)
                   Thống kê:             {}/statistics (lãnh đạo, quản trị) – công khai: {}/thong-ke
                   Kiểm tra kết quả:     {}/verify     Thanh toán PayGov: trình mô phỏng
                   Quản trị tỉnh:        {} / {}
                   Kiểm toán nhật ký:    {} / {}
                   Quản trị cơ quan:     {}   (mật khẩu {})
                   Cán bộ:               {}   (cùng mật khẩu)
                   Mã xác thực 2 bước: trang đăng nhập hiển thị mã hiện tại (chỉ bản trình diễn)
                 LGSP – danh mục dịch vụ: {}/lgsp/catalog   vận hành: {}/lgsp/admin/registry (lgsp.vanhanh)
                   Hệ thống khai thác mẫu: client stp-ho-tich-demo (client credentials; mật khẩu: egov.lgsp.registry.demo.client-secret)
                 Đăng nhập một lần (OIDC): {}/.well-known/openid-configuration
                 API (OpenAPI):          {}/swagger-ui/index.html
                ==================================================================================""",
                base, base, base, base, base, base, base, base, oneStopOfficers(), base, base, base, base, username, password, auditor, auditorPassword, demoOfficials(true), DemoOfficials.PASSWORD,
                demoOfficials(false), base, base, base, base);
    }

    private static String oneStopOfficers() {
        return DemoOfficials.OFFICIALS.stream().filter(o -> o.role() == Role.ONE_STOP_OFFICER)
                .map(DemoOfficials.DemoOfficial::username).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String demoOfficials(boolean administrators) {
        return DemoOfficials.OFFICIALS.stream().filter(o -> (o.role() == Role.AGENCY_ADMIN) == administrators)
                .map(DemoOfficials.DemoOfficial::username).collect(java.util.stream.Collectors.joining(", "));
    }
}
