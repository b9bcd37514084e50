package vn.gov.egov.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.reception.DossierIntake;

/** Dossiers submitted on the (simulated) national portal reach the desk once; their statuses go back to the portal. */
class NationalPortalIntakeTest extends DossierTestSupport {

    static final String ID_CARD = "Căn cước công dân hoặc hộ chiếu";

    @Autowired
    DossierIntake intake;

    @Autowired
    PortalDeliveries portal;

    @Autowired
    DossierReception reception;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPortalDossierIsRegisteredOnceAcknowledgedAndItsReceptionReported() throws Exception {
        String portalId = submitOnThePortal("1.000001", "SO-TP", "portal " + UUID.randomUUID());

        DossierIntake.Result first = intake.poll(portal);
        assertThat(first.registered()).isGreaterThanOrEqualTo(1);
        DossierIntake.Entry entry = intake.find(DossierChannel.NATIONAL_PORTAL, portalId).orElseThrow();
        assertThat(entry.outcome()).isEqualTo("REGISTERED");
        assertThat(entry.acknowledgedAt()).isNotNull();
        String code = entry.dossierCode();

        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().channel()).isEqualTo(DossierChannel.NATIONAL_PORTAL);
        assertThat(detail.externalReference()).isEqualTo(portalId);
        assertThat(detail.steps().get(0).actor()).isEqualTo("Cổng DVC quốc gia");
        assertThat(reception.queue(DESK, 500)).anySatisfy(q -> assertThat(q.dossier().code()).isEqualTo(code));
        assertThat(simulator("GET", "/national-portal/api/dossiers/" + portalId, null).path("acknowledgement").path("dossierCode").asString())
                .isEqualTo(code);

        intake.poll(portal);
        assertThat(jdbc.sql("select count(*) from dossier where external_reference = ?").param(portalId).query(Integer.class).single())
                .as("polling twice makes one dossier").isEqualTo(1);

        reception.accept(DESK, code);
        JsonNode received = awaitReport(code, 2);
        assertThat(received.path("portalDossierId").asString()).isEqualTo(portalId);
        assertThat(received.path("channel").asInt()).isEqualTo(2);
        assertThat(received.path("appointmentDate").asString())
                .isEqualTo(reception.forOfficer(DESK, code).orElseThrow().summary().appointmentDate().toString());
        assertThat(awaitReport(code, 1).path("procedureCode").asString()).isEqualTo("1.000001");
    }

    @Test
    void aDossierOfAnUnknownProcedureIsKeptWithItsReasonAndReportedNotReceived() throws Exception {
        String portalId = submitOnThePortal("9.999999", "SO-TP", "unknown " + UUID.randomUUID());
        DossierIntake.Result result = intake.poll(portal);
        assertThat(result.refused()).isGreaterThanOrEqualTo(1);
        DossierIntake.Entry entry = intake.find(DossierChannel.NATIONAL_PORTAL, portalId).orElseThrow();
        assertThat(entry.outcome()).isEqualTo("REFUSED");
        assertThat(entry.reasons()).contains("9.999999");
        assertThat(entry.toldAt()).isNotNull();
        JsonNode report = awaitReport(portalId, 3);
        assertThat(report.path("note").asString()).isEqualTo(entry.reasons());
        assertThat(jdbc.sql("select count(*) from dossier where external_reference = ?").param(portalId).query(Integer.class).single())
                .isZero();

        intake.poll(portal);
        assertThat(reportsOf(portalId)).as("reported once").hasSize(1);

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/admin/national-portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(portalId).contains("Không tiếp nhận").contains("9.999999").contains("Lần đồng bộ gần nhất");
    }

    @Test
    void everyChannelsStatusIsReportedToThePortal() throws Exception {
        String token = citizenToken(CITIZEN);
        String code = submitOnline(token, "own portal " + UUID.randomUUID());
        JsonNode submitted = awaitReport(code, 1);
        assertThat(submitted.path("channel").asInt()).isEqualTo(2);
        assertThat(submitted.has("portalDossierId") && !submitted.get("portalDossierId").isNull()).isFalse();
        reception.refuse(DESK, code, List.of("Hồ sơ nộp nhầm cơ quan"));
        assertThat(awaitReport(code, 3).path("note").asString()).contains("Hồ sơ nộp nhầm cơ quan");
    }

    // ---- the simulator

    private String submitOnThePortal(String procedureCode, String agencyCode, String marker) throws Exception {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("personalId", "020085999001");
        applicant.put("fullName", "Nguyễn Văn An");
        applicant.put("phoneNumber", "0912999001");
        applicant.put("email", "an@example.com");
        applicant.put("address", "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
        Map<String, Object> form = citizenForm("Bổ sung hồ sơ xin việc");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", procedureCode);
        body.put("agencyCode", agencyCode);
        body.put("applicant", applicant);
        body.put("form", form);
        body.put("documents", List.of(Map.of("requiredDocument", ID_CARD, "fileName", "cccd.pdf", "mediaType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(pdf("CCCD " + marker, 0)))));
        body.put("resultDelivery", "ONLINE");
        JsonNode created = simulator("POST", "/national-portal/api/dossiers", json.writeValueAsString(body));
        return created.path("portalDossierId").asString();
    }

    private JsonNode simulator(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return json.readTree(response.body());
    }

    private List<JsonNode> reportsOf(String dossierCode) throws Exception {
        List<JsonNode> reports = new java.util.ArrayList<>();
        simulator("GET", "/national-portal/api/province/status-reports?dossierCode=" + dossierCode, null).path("reports").forEach(reports::add);
        return reports;
    }

    /** Waits (the listener is asynchronous) for the portal to hold a report of this status for the dossier. */
    private JsonNode awaitReport(String dossierCode, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            for (JsonNode report : reportsOf(dossierCode)) {
                if (report.path("status").asInt() == status) {
                    return report;
                }
            }
            assertThat(Instant.now()).as("status %d of %s reported to the portal".formatted(status, dossierCode)).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
