package vn.gov.egov.population;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.Sex;

/** The adapter against a small local HTTP server that answers with the national contract's exact shapes. */
class NationalPopulationDatabaseTest {

    static final String KNOWN = "020190000123";
    static final String RESIDENT = """
            {"notice": "Dữ liệu mô phỏng", "personalId": "020190000123", "fullName": "Hoàng Thị Mai", "birthDate": "1990-05-12",
             "sex": "female", "nationality": "Việt Nam", "ethnicity": "Tày",
             "permanentAddress": {"streetAddress": "Thôn Pò Đứa", "commune": "Xã Chi Lăng", "communeCode": "06250", "province": "Tỉnh Lạng Sơn"},
             "currentAddress": {"streetAddress": "Số 5 đường Bà Triệu", "commune": "Phường Lương Văn Tri", "communeCode": "06001",
                                "province": "Tỉnh Lạng Sơn"},
             "phoneNumber": "0912345678", "email": "mai@example.vn"}""";

    HttpServer server;
    final List<String> agencies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/population/api/citizens/", exchange -> {
            agencies.add(exchange.getRequestHeaders().getFirst("X-Requesting-Agency"));
            String id = exchange.getRequestURI().getPath().substring("/population/api/citizens/".length());
            int status;
            String body;
            String type = "application/problem+json";
            if (id.equals("020188000777")) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (id.equals(KNOWN)) {
                status = 200;
                body = RESIDENT;
                type = "application/json";
            } else if (id.equals("020195000999")) {
                status = 200;
                body = "<html>maintenance</html>";
                type = "text/html";
            } else if (id.matches("\\d{12}")) {
                status = 404;
                body = "{\"title\": \"Không tìm thấy công dân\", \"status\": 404}";
            } else {
                status = 400;
                body = "{\"title\": \"Số định danh không hợp lệ\", \"status\": 400}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
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

    private NationalPopulationDatabase adapter() {
        return new NationalPopulationDatabase(DirectConnections.to("http://127.0.0.1:" + server.getAddress().getPort() + "/population"),
                Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void aKnownResidentIsReadWithEveryFieldAndTheAgencyIsNamed() {
        Resident resident = adapter().find(PersonalIdentificationNumber.of(KNOWN), "000.00.00.H39").orElseThrow();
        assertThat(resident.personalId().value()).isEqualTo(KNOWN);
        assertThat(resident.fullName()).isEqualTo("Hoàng Thị Mai");
        assertThat(resident.birthDate()).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(resident.sex()).isEqualTo(Sex.FEMALE);
        assertThat(resident.ethnicity()).isEqualTo("Tày");
        assertThat(resident.permanentAddress().line()).isEqualTo("Thôn Pò Đứa, Xã Chi Lăng, Tỉnh Lạng Sơn");
        assertThat(resident.permanentAddress().communeCode()).isEqualTo("06250");
        assertThat(resident.livingAddress().line()).isEqualTo("Số 5 đường Bà Triệu, Phường Lương Văn Tri, Tỉnh Lạng Sơn");
        assertThat(resident.phoneNumber()).isEqualTo("0912345678");
        assertThat(agencies).containsExactly("000.00.00.H39");
    }

    @Test
    void anUnknownResidentIsEmpty() {
        assertThat(adapter().find(PersonalIdentificationNumber.of("020190000456"), "000.00.00.H39")).isEmpty();
    }

    @Test
    void aRefusedRequestAnUnreadableAnswerATimeoutAndNoServerAllSayTheDatabaseDoesNotAnswer() {
        // the server answers 400 only to malformed numbers, which the adapter never sends: force it through the path
        NationalPopulationDatabase malformed = new NationalPopulationDatabase(
                DirectConnections.to("http://127.0.0.1:" + server.getAddress().getPort() + "/population/api/citizens/x"), Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThatThrownBy(() -> malformed.find(PersonalIdentificationNumber.of(KNOWN), "H39"))
                .isInstanceOf(PopulationDatabaseUnavailable.class).hasMessageContaining("400");
        assertThatThrownBy(() -> adapter().find(PersonalIdentificationNumber.of("020195000999"), "H39"))
                .isInstanceOf(PopulationDatabaseUnavailable.class)
                .hasMessageContaining("Cơ sở dữ liệu quốc gia về dân cư không phản hồi");
        assertThatThrownBy(() -> adapter().find(PersonalIdentificationNumber.of("020188000777"), "H39"))
                .isInstanceOf(PopulationDatabaseUnavailable.class)
                .hasMessageContaining("quá thời gian chờ");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        NationalPopulationDatabase unreachable = new NationalPopulationDatabase(DirectConnections.to("http://127.0.0.1:" + closedPort + "/population"),
                Duration.ofMillis(500), Duration.ofMillis(500));
        assertThatThrownBy(() -> unreachable.find(PersonalIdentificationNumber.of(KNOWN), "H39"))
                .isInstanceOf(PopulationDatabaseUnavailable.class)
                .hasMessageContaining("không kết nối được")
                .hasMessageNotContaining(KNOWN)
                .hasNoCause(); // the client's exception names the URL, hence the number in clear
    }
}
