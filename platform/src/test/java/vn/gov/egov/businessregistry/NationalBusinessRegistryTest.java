package vn.gov.egov.businessregistry;

import vn.gov.egov.DirectConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a small local HTTP server that answers with the national contract's exact shapes. */
class NationalBusinessRegistryTest {

    static final String ENTERPRISE = """
            {"notice": "Dữ liệu mô phỏng", "taxCode": "4900123456", "name": "Công ty TNHH Nông sản Xứ Lạng",
             "type": "Công ty TNHH một thành viên", "status": "active", "registeredOn": "2015-04-20",
             "headOffice": {"streetAddress": "Số 8 đường Lê Lợi", "commune": "Phường Đông Kinh", "communeCode": "06007",
                            "province": "Tỉnh Lạng Sơn"},
             "phoneNumber": "02053812345", "email": "lienhe@nongsanxulang.vn",
             "legalRepresentatives": [{"personalId": "020190000123", "fullName": "Hoàng Thị Mai", "position": "Giám đốc"}]}""";

    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/business-registry/api/enterprises/", exchange -> {
            String code = exchange.getRequestURI().getPath().substring("/business-registry/api/enterprises/".length());
            int status;
            String body;
            if (code.equals("4900999999")) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (code.equals("4900123456")) {
                status = 200;
                body = ENTERPRISE;
            } else if (code.equals("4900777777")) {
                status = 503;
                body = "{\"title\": \"Bảo trì\", \"status\": 503}";
            } else if (code.matches("\\d{10}(-\\d{3})?")) {
                status = 404;
                body = "{\"title\": \"Không tìm thấy doanh nghiệp\", \"status\": 404}";
            } else {
                status = 400;
                body = "{\"title\": \"Mã số thuế không hợp lệ\", \"status\": 400}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private NationalBusinessRegistry adapter() {
        return new NationalBusinessRegistry(DirectConnections.to("http://127.0.0.1:" + server.getAddress().getPort() + "/business-registry"),
                Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void aKnownEnterpriseIsReadWithItsRepresentatives() {
        Enterprise enterprise = adapter().find("4900123456").orElseThrow();
        assertThat(enterprise.name()).isEqualTo("Công ty TNHH Nông sản Xứ Lạng");
        assertThat(enterprise.active()).isTrue();
        assertThat(enterprise.registeredOn()).isEqualTo(LocalDate.of(2015, 4, 20));
        assertThat(enterprise.headOffice().line()).isEqualTo("Số 8 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
        assertThat(enterprise.email()).isEqualTo("lienhe@nongsanxulang.vn");
        assertThat(enterprise.legalRepresentatives()).containsExactly(
                new LegalRepresentative("020190000123", "Hoàng Thị Mai", "Giám đốc"));
    }

    @Test
    void anUnknownEnterpriseIsEmpty() {
        assertThat(adapter().find("4900000001")).isEmpty();
    }

    @Test
    void aMalformedCodeAServerErrorATimeoutAndNoServerSayTheRegistryDoesNotAnswer() throws IOException {
        assertThatThrownBy(() -> adapter().find("49-abc")).isInstanceOf(BusinessRegistryUnavailable.class).hasMessageContaining("400");
        assertThatThrownBy(() -> adapter().find("4900777777")).isInstanceOf(BusinessRegistryUnavailable.class).hasMessageContaining("503");
        assertThatThrownBy(() -> adapter().find("4900999999")).isInstanceOf(BusinessRegistryUnavailable.class)
                .hasMessageContaining("Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp không phản hồi");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new NationalBusinessRegistry(DirectConnections.to("http://127.0.0.1:" + closedPort), Duration.ofMillis(500),
                Duration.ofMillis(500)).find("4900123456")).isInstanceOf(BusinessRegistryUnavailable.class)
                .hasMessageContaining("không kết nối được");
    }
}
