package vn.gov.egov.postal;

import vn.gov.egov.DirectConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierStep;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.reception.ResultTestSupport;

/** A result asked for by post goes out as one VNPost shipment, the dossier is returned with its number, and it is followed. */
class ResultShipmentTest extends ResultTestSupport {

    @Autowired
    ShippingResults shipping;

    @Autowired
    ShipmentLog shipments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResolvedDossierIsShippedOnceReturnedWithTheItemNumberAndFollowedToDelivery() throws Exception {
        UUID id = resolved("shipment-" + UUID.randomUUID(), ResultDelivery.BY_POST, ADDRESS);
        String code = codeOf(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED);
        ShipmentLog.Shipment shipment = shipments.find(id).orElseThrow();
        String item = shipment.itemNumber();
        assertThat(item).matches("RE\\d{9}VN");
        assertThat(shipment.state()).isEqualTo("ACCEPTED");
        assertThat(shipment.addressSealed()).startsWith("pd1:").doesNotContain("Lê Lợi");
        assertThat(shipment.returnRecordedAt()).isNotNull();
        DossierStep returned = lastStep(id);
        assertThat(returned.action()).isEqualTo("RETURNED");
        assertThat(returned.note()).isEqualTo("Gửi kết quả qua bưu chính công ích, số hiệu bưu gửi " + item);

        JsonNode atVnpost = simulator("GET", "/vnpost/api/shipments/" + item, null);
        assertThat(atVnpost.get("reference").asString()).isEqualTo(id.toString());
        assertThat(atVnpost.get("recipient").get("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(atVnpost.get("recipient").get("address").asString()).isEqualTo(ADDRESS);
        assertThat(atVnpost.get("sender").get("agencyCode").asString()).isEqualTo("SO-TP");
        assertThat(atVnpost.get("contents").asString()).contains(code);

        // the event again, and the retry: nothing new at VNPost or in the dossier
        DossierStep resolvedStep = progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("RESOLVED")).findFirst().orElseThrow();
        shipping.on(new DossierStatusChanged(id, code, PROCEDURE, "Cấp Phiếu lý lịch tư pháp", "SO-TP", DossierChannel.OWN_PORTAL,
                DossierStatus.RESOLVED, DossierStatus.IN_PROGRESS, "RESOLVED", resolvedStep.at(), null, null, null, resolvedStep.note()));
        assertThat(shipping.ship(id)).isTrue();
        assertThat(shipments.find(id).orElseThrow().itemNumber()).isEqualTo(item);
        assertThat(jdbc.sql("select count(*) from postal_shipment where dossier_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("RETURNED")).count()).isEqualTo(1);
        assertThat(vnpostShipmentsFor(id)).as("VNPost keeps one shipment per reference").isEqualTo(1);

        simulator("POST", "/vnpost/api/shipments/" + item + "/events", "{\"state\":\"IN_TRANSIT\"}");
        shipping.poll();
        assertThat(shipments.find(id).orElseThrow().state()).isEqualTo("IN_TRANSIT");
        simulator("POST", "/vnpost/api/shipments/" + item + "/events", "{\"state\":\"DELIVERED\",\"place\":\"Bưu cục Đông Kinh\"}");
        ShippingResults.Result polled = shipping.poll();
        assertThat(polled.tracked()).isGreaterThanOrEqualTo(1);
        ShipmentLog.Shipment delivered = shipments.find(id).orElseThrow();
        assertThat(delivered.state()).isEqualTo("DELIVERED");
        assertThat(delivered.tracking()).contains("IN_TRANSIT").contains("Bưu cục Đông Kinh");
        assertThat(shipments.onTheirWay(500)).noneMatch(s -> s.dossierId().equals(id));

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/admin/vnpost");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bưu gửi trả kết quả").contains(code).contains(item).contains("Đã phát cho người nhận")
                .doesNotContain("Lê Lợi");
        HttpResponse<String> follow = admin.post("/admin/vnpost/shipments/poll", "/admin/vnpost", Map.of());
        assertThat(follow.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/vnpost").body()).contains("Đã theo dõi bưu gửi trả kết quả");
    }

    @Test
    void aResultNotAskedForByPostIsNotShipped() throws Exception {
        UUID id = resolved("no-shipment-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null);
        assertThat(shipping.ship(id)).isTrue();
        assertThat(shipments.find(id)).isEmpty();
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.RESOLVED);
    }

    @Test
    void whenVnpostCannotBeReachedTheShipmentWaitsInTheLogAndIsRetried() throws Exception {
        UUID id = received("shipment-retry-" + UUID.randomUUID(), ResultDelivery.BY_POST, ADDRESS);
        progress.startProcessing(id, SPECIALIST);
        ShippingResults unreachable = new ShippingResults(progress,
                new VnpostClient(DirectConnections.to("http://127.0.0.1:9/vnpost"), Duration.ofMillis(300), Duration.ofSeconds(1)), shipments, protection);
        // entered for a resolved dossier only: before, nothing happens
        assertThat(unreachable.ship(id)).isTrue();
        assertThat(shipments.find(id)).isEmpty();

        jdbc.sql("insert into postal_shipment (dossier_id, dossier_code, agency_code, recipient_name, address_sealed, state, created_at, updated_at) "
                        + "values (?, ?, 'SO-TP', 'Nguyễn Văn An', ?, 'PENDING', now(), now())")
                .params(id, codeOf(id), protection.seal(ShippingResults.ADDRESS, ADDRESS)).update();
        progress.resolve(id, SPECIALIST, vn.gov.egov.dossier.DossierOutcome.APPROVED, UUID.randomUUID(), null);
        // the real adapter may be shipping it now; the unreachable one records its failure without throwing
        unreachable.ship(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            shipping.poll();
            return progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED;
        });
        ShipmentLog.Shipment done = shipments.find(id).orElseThrow();
        assertThat(done.itemNumber()).isNotNull();
        assertThat(vnpostShipmentsFor(id)).isEqualTo(1);
    }

    @Autowired
    vn.gov.egov.personaldata.PersonalDataProtection protection;

    private long vnpostShipmentsFor(UUID id) throws Exception {
        // a creation with the same reference answers 200 with the existing item: count the distinct items seen
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/vnpost/api/shipments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("reference", id.toString(),
                        "sender", Map.of("agencyCode", "SO-TP"), "recipient", Map.of("fullName", "Nguyễn Văn An", "address", ADDRESS)))))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as("known reference: no new shipment").isEqualTo(200);
        return json.readTree(again.body()).get("itemNumber").asString().equals(shipments.find(id).orElseThrow().itemNumber()) ? 1 : 2;
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
