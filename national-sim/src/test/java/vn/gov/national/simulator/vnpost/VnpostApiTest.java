package vn.gov.national.simulator.vnpost;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.context;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;
import static vn.gov.national.simulator.RunningSimulator.post;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.SamplePdf;
import vn.gov.national.simulator.population.PopulationDatabase;
import vn.gov.national.simulator.vneid.TestIdentities;

class VnpostApiTest {

    static Map<String, Object> postal() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", "1.000001");
        body.put("agencyCode", "SO-TP");
        body.put("sender", new LinkedHashMap<>(Map.of("personalId", "020049999016", "fullName", "Đào Văn Thịnh",
                "address", "Số 7, tổ 9, Phường Tam Thanh, tỉnh Lạng Sơn")));
        body.put("form", Map.of());
        body.put("documents", List.of(Map.of("requiredDocument", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
                "fileName", "ban-quet.pdf", "mediaType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(SamplePdf.onePage("Ban quet")))));
        body.put("resultDelivery", "BY_POST");
        body.put("returnAddress", "Số 7, tổ 9, Phường Tam Thanh, tỉnh Lạng Sơn");
        return body;
    }

    @Test
    void itemNumbersAreUpuS10WithTheirCheckDigit() {
        assertThat(ItemNumber.checkDigit("47312482")).isEqualTo(9);
        assertThat(ItemNumber.isValid("RR473124829GB")).isTrue();
        assertThat(ItemNumber.isValid("RR473124828GB")).isFalse();
        assertThat(ItemNumber.of("EB", 12345678, "VN")).isEqualTo("EB123456785VN");
    }

    @Test
    void theSeededPostalDossierIsFromAnElderlyResidentWithoutVneid() {
        JsonNode deliveries = json(get("/vnpost/api/province/deliveries")).get("deliveries");
        JsonNode seeded = deliveries.get(0);
        assertThat(ItemNumber.isValid(seeded.get("itemNumber").asString())).isTrue();
        assertThat(seeded.get("itemNumber").asString()).matches("EB\\d{9}VN");
        String sender = seeded.get("sender").get("personalId").asString();
        assertThat(context().getBean(TestIdentities.class).byPersonalId(sender)).isEmpty();
        assertThat(context().getBean(PopulationDatabase.class).byPersonalId(sender))
                .hasValueSatisfying(r -> assertThat(r.birthDate().getYear()).isLessThan(1960));
        assertThat(seeded.get("acceptedAt").asString()).isLessThan(seeded.get("deliveredAt").asString());
        assertThat(new String(Base64.getDecoder().decode(seeded.get("documents").get(0).get("contentBase64").asString())))
                .startsWith("%PDF-");
    }

    @Test
    void aPostalDossierIsDeliveredAndWaitsUntilAcknowledged() {
        HttpResponse<String> created = post("/vnpost/api/postal-dossiers", postal());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String item = json(created).get("itemNumber").asString();
        assertThat(ItemNumber.isValid(item)).isTrue();
        assertThat(item).startsWith("EB").endsWith("VN");
        assertThat(json(created).get("acceptedAt").asString()).endsWith("Z");

        JsonNode deliveries = json(get("/vnpost/api/province/deliveries?limit=500")).get("deliveries");
        assertThat(deliveries.findValuesAsString("itemNumber")).contains(item);
        JsonNode mine = deliveries.get(deliveries.findValuesAsString("itemNumber").indexOf(item));
        assertThat(mine.get("sender").get("fullName").asString()).isEqualTo("Đào Văn Thịnh");
        assertThat(mine.get("deliveredAt").asString()).isNotBlank();
        assertThat(mine.get("returnAddress").asString()).contains("Phường Tam Thanh");

        String ack = "/vnpost/api/province/deliveries/" + item + "/acknowledgement";
        assertThat(post(ack, Map.of("dossierCode", "000.00.12.H20-261127-0101")).statusCode()).isEqualTo(204);
        assertThat(post(ack, Map.of("dossierCode", "000.00.12.H20-261127-0101")).statusCode()).isEqualTo(204);
        assertThat(post(ack, Map.of("dossierCode", "000.00.12.H20-261127-0102")).statusCode()).isEqualTo(409);
        assertThat(post(ack, Map.of("dossierCode", "")).statusCode()).isEqualTo(400);
        assertThat(post("/vnpost/api/province/deliveries/EB000000000VN/acknowledgement",
                Map.of("dossierCode", "x")).statusCode()).isEqualTo(404);
        assertThat(json(get("/vnpost/api/province/deliveries?limit=500")).get("deliveries").findValuesAsString("itemNumber"))
                .doesNotContain(item);
        assertThat(json(get("/vnpost/api/postal-dossiers/" + item)).get("acknowledgement").get("dossierCode").asString())
                .isEqualTo("000.00.12.H20-261127-0101");
    }

    @Test
    void aRefusedPostalDossierGoesBackToItsSender() {
        String item = json(post("/vnpost/api/postal-dossiers", postal())).get("itemNumber").asString();
        String refusal = "/vnpost/api/province/deliveries/" + item + "/refusal";

        assertThat(post(refusal, Map.of("reasons", "")).statusCode()).as("reasons required").isEqualTo(400);
        assertThat(post(refusal, Map.of("reasons", "Thủ tục không nhận hồ sơ qua bưu chính")).statusCode()).isEqualTo(204);
        assertThat(post(refusal, Map.of("reasons", "Thủ tục không nhận hồ sơ qua bưu chính")).statusCode()).as("repeatable").isEqualTo(204);
        assertThat(post("/vnpost/api/province/deliveries/" + item + "/acknowledgement", Map.of("dossierCode", "000.00.12.H20-261127-0103"))
                .statusCode()).as("refused, so not acknowledged later").isEqualTo(409);
        assertThat(json(get("/vnpost/api/province/deliveries?limit=500")).get("deliveries").findValuesAsString("itemNumber"))
                .doesNotContain(item);
        JsonNode returned = json(get("/vnpost/api/postal-dossiers/" + item)).get("refusal");
        assertThat(returned.get("returnedToSender").asBoolean()).isTrue();
        assertThat(returned.get("reasons").asString()).isEqualTo("Thủ tục không nhận hồ sơ qua bưu chính");
        assertThat(post("/vnpost/api/province/deliveries/EB000000000VN/refusal", Map.of("reasons", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidPostalDossierIsRefusedNamingTheField() {
        Map<String, Object> noReturn = postal();
        noReturn.remove("returnAddress");
        assertRefused(noReturn, "returnAddress");
        Map<String, Object> badSender = postal();
        @SuppressWarnings("unchecked") Map<String, Object> sender = (Map<String, Object>) badSender.get("sender");
        sender.put("personalId", "0200499990");
        assertRefused(badSender, "sender.personalId");
        Map<String, Object> noAddress = postal();
        @SuppressWarnings("unchecked") Map<String, Object> sender2 = (Map<String, Object>) noAddress.get("sender");
        sender2.remove("address");
        assertRefused(noAddress, "sender.address");
        Map<String, Object> online = postal();
        online.put("resultDelivery", "ONLINE");
        assertRefused(online, "resultDelivery");
        Map<String, Object> noDocuments = postal();
        noDocuments.put("documents", List.of());
        assertRefused(noDocuments, "documents");
        Map<String, Object> atDesk = postal();
        atDesk.put("resultDelivery", "AT_DESK");
        atDesk.remove("returnAddress");
        assertThat(post("/vnpost/api/postal-dossiers", atDesk).statusCode()).isEqualTo(201);
        assertThat(get("/vnpost/api/province/deliveries?limit=501").statusCode()).isEqualTo(400);
    }

    static void assertRefused(Map<String, Object> body, String field) {
        HttpResponse<String> response = post("/vnpost/api/postal-dossiers", body);
        assertThat(response.statusCode()).as(field).isEqualTo(400);
        assertThat(json(response).get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(json(response).get("detail").asString()).contains("'" + field + "'");
    }

    static Map<String, Object> shipment(String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("sender", Map.of("agencyCode", "SO-TP", "agencyName", "Sở Tư pháp tỉnh Lạng Sơn"));
        body.put("recipient", Map.of("fullName", "Đào Văn Thịnh", "address", "Số 7, tổ 9, Phường Tam Thanh, tỉnh Lạng Sơn",
                "phoneNumber", "0912999016"));
        body.put("contents", "Kết quả hồ sơ 000.00.10.H20-261127-0001");
        return body;
    }

    @Test
    void aShipmentIsCreatedOncePerReferenceAndFollowedToDelivery() {
        String reference = "dossier-" + System.nanoTime();
        HttpResponse<String> created = post("/vnpost/api/shipments", shipment(reference));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String item = json(created).get("itemNumber").asString();
        assertThat(ItemNumber.isValid(item)).isTrue();
        assertThat(json(created).get("state").asString()).isEqualTo("ACCEPTED");

        HttpResponse<String> again = post("/vnpost/api/shipments", shipment(reference));
        assertThat(again.statusCode()).as("the same reference: the same item, no second shipment").isEqualTo(200);
        assertThat(json(again).get("itemNumber").asString()).isEqualTo(item);

        assertThat(post("/vnpost/api/shipments/" + item + "/events", Map.of("state", "IN_TRANSIT")).statusCode()).isEqualTo(200);
        assertThat(post("/vnpost/api/shipments/" + item + "/events", Map.of("state", "DELIVERED")).statusCode()).isEqualTo(200);
        HttpResponse<String> late = post("/vnpost/api/shipments/" + item + "/events", Map.of("state", "RETURNED_TO_SENDER"));
        assertThat(late.statusCode()).as("delivered is final").isEqualTo(409);
        JsonNode tracked = json(get("/vnpost/api/shipments/" + item));
        assertThat(tracked.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(tracked.get("events").findValuesAsString("state")).containsExactly("ACCEPTED", "IN_TRANSIT", "DELIVERED");
        assertThat(tracked.get("recipient").get("fullName").asString()).isEqualTo("Đào Văn Thịnh");
        assertThat(get("/vnpost/api/shipments/RE000000000VN").statusCode()).isEqualTo(404);
    }

    @Test
    void aShipmentWithoutRecipientOrWithAWrongStateIsRefusedNamingTheField() {
        Map<String, Object> body = shipment("dossier-" + System.nanoTime());
        body.remove("recipient");
        HttpResponse<String> refused = post("/vnpost/api/shipments", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("recipient.fullName").contains("recipient.address");
        String item = json(post("/vnpost/api/shipments", shipment("dossier-" + System.nanoTime()))).get("itemNumber").asString();
        HttpResponse<String> wrong = post("/vnpost/api/shipments/" + item + "/events", Map.of("state", "LOST"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("field").asString()).isEqualTo("state");
    }
}
