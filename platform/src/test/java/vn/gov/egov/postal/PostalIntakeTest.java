package vn.gov.egov.postal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.reception.DossierIntake;

/** A dossier sent through VNPost reaches the desk's queue once, and VNPost learns its dossier code. */
class PostalIntakeTest extends DossierTestSupport {

    @Autowired
    DossierIntake intake;

    @Autowired
    PostalDeliveries vnpost;

    @Autowired
    DossierReception reception;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPostedDossierReachesTheQueueOnce() throws Exception {
        String item = post("1.000001", "posted " + UUID.randomUUID());
        DossierIntake.Result first = intake.poll(vnpost);
        assertThat(first.registered()).isGreaterThanOrEqualTo(1);
        DossierIntake.Entry entry = intake.find(DossierChannel.BY_POST, item).orElseThrow();
        assertThat(entry.outcome()).isEqualTo("REGISTERED");
        assertThat(entry.acknowledgedAt()).isNotNull();

        DossierDetail detail = reception.forOfficer(DESK, entry.dossierCode()).orElseThrow();
        assertThat(detail.summary().channel()).isEqualTo(DossierChannel.BY_POST);
        assertThat(detail.externalReference()).isEqualTo(item);
        assertThat(detail.resultDelivery()).isEqualTo(ResultDelivery.BY_POST);
        assertThat(detail.summary().applicantName()).isEqualTo("Lương Văn Cụ");
        assertThat(reception.queue(DESK, 500)).anySatisfy(q -> assertThat(q.dossier().code()).isEqualTo(entry.dossierCode()));
        assertThat(simulator("GET", "/vnpost/api/postal-dossiers/" + item, null).path("acknowledgement").path("dossierCode").asString())
                .isEqualTo(entry.dossierCode());

        intake.poll(vnpost);
        assertThat(jdbc.sql("select count(*) from dossier where external_reference = ?").param(item).query(Integer.class).single())
                .isEqualTo(1);

        String refusedItem = post("9.999998", "unknown " + UUID.randomUUID());
        intake.poll(vnpost);
        DossierIntake.Entry refused = intake.find(DossierChannel.BY_POST, refusedItem).orElseThrow();
        assertThat(refused.outcome()).isEqualTo("REFUSED");
        assertThat(refused.reasons()).contains("9.999998");
        assertThat(refused.toldAt()).as("VNPost told").isNotNull();
        assertThat(refused.acknowledgedAt()).as("no dossier code to acknowledge").isNull();
        JsonNode returned = simulator("GET", "/vnpost/api/postal-dossiers/" + refusedItem, null).path("refusal");
        assertThat(returned.path("returnedToSender").asBoolean()).isTrue();
        assertThat(returned.path("reasons").asString()).contains("9.999998");
        JsonNode waiting = simulator("GET", "/vnpost/api/province/deliveries?limit=500", null).path("deliveries");
        assertThat(waiting.findValuesAsString("itemNumber")).as("no longer delivered to the province").doesNotContain(refusedItem);

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        assertThat(admin.get("/admin/vnpost").body()).contains(item).contains(entry.dossierCode()).contains(refusedItem)
                .contains("Không tiếp nhận").contains("VNPost đã được báo để chuyển hoàn cho người gửi");
    }

    private String post(String procedureCode, String marker) throws Exception {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("personalId", "020045999101");
        sender.put("fullName", "Lương Văn Cụ");
        sender.put("phoneNumber", "0912345101");
        sender.put("address", "Thôn Nà Chuông, Xã Tân Đoàn, Tỉnh Lạng Sơn");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", procedureCode);
        body.put("agencyCode", "SO-TP");
        body.put("sender", sender);
        body.put("documents", List.of(Map.of("requiredDocument", "Căn cước công dân hoặc hộ chiếu", "fileName", "cccd.pdf",
                "mediaType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(pdf("CCCD " + marker, 0)))));
        body.put("resultDelivery", "BY_POST");
        body.put("returnAddress", "Thôn Nà Chuông, Xã Tân Đoàn, Tỉnh Lạng Sơn");
        return simulator("POST", "/vnpost/api/postal-dossiers", json.writeValueAsString(body)).path("itemNumber").asString();
    }

    private JsonNode simulator(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return json.readTree(response.body());
    }
}
