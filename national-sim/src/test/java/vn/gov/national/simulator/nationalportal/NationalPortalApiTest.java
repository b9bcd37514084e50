package vn.gov.national.simulator.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.JSON;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;
import static vn.gov.national.simulator.RunningSimulator.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SamplePdf;

class NationalPortalApiTest {

    static Map<String, Object> validDossier(Consumer<Map<String, Object>> change) {
        Map<String, Object> applicant = new LinkedHashMap<>(Map.of("personalId", "020188999010", "fullName", "Đinh Thị Ngọc",
                "phoneNumber", "0987999010", "email", "dinhthingoc@vneid-mophong.example",
                "address", "Số 40, tổ 2, Phường Tam Thanh, tỉnh Lạng Sơn"));
        Map<String, Object> document = new LinkedHashMap<>(Map.of("requiredDocument", "Tờ khai theo mẫu cấp Giấy xác nhận tình trạng hôn nhân",
                "fileName", "to-khai.pdf", "mediaType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(SamplePdf.onePage("To khai"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", "1.000007");
        body.put("agencyCode", "UBND-05986");
        body.put("applicant", applicant);
        body.put("form", Map.of("mucDich", "Kết hôn", "soBan", 1));
        body.put("documents", List.of(document));
        body.put("resultDelivery", "ONLINE");
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstDocument(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("documents")).get(0);
    }

    static String submit(Map<String, Object> body) {
        HttpResponse<String> created = post("/national-portal/api/dossiers", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("portalDossierId").asString();
    }

    @Test
    void twoSeededDossiersWaitForOnlineProceduresOfTheCatalogWithVneidApplicantsAndAValidPdf() throws Exception {
        JsonNode catalog = JSON.readTree(new ClassPathResource("national-sim/procedures/national-procedures.json").getInputStream());
        Map<String, JsonNode> procedures = new HashMap<>();
        catalog.get("procedures").forEach(p -> procedures.put(p.get("code").asString(), p));

        JsonNode waiting = json(get("/national-portal/api/province/dossiers?limit=2")).get("dossiers");
        assertThat(waiting).hasSize(2);
        assertThat(waiting.get(0).get("submittedAt").asString()).isLessThan(waiting.get(1).get("submittedAt").asString());
        for (JsonNode dossier : waiting) {
            assertThat(dossier.get("portalDossierId").asString()).matches("G22\\.99-\\d{6}-\\d{6}");
            JsonNode procedure = procedures.get(dossier.get("procedureCode").asString());
            assertThat(procedure).isNotNull();
            assertThat(procedure.get("onlineLevel").asString()).isNotEqualTo("NONE");
            assertThat(procedure.get("channels").findValuesAsString("channels")).isNotNull();
            assertThat(procedure.get("implementingAgencies").toString()).contains(dossier.get("agencyCode").asString());
            JsonNode applicant = dossier.get("applicant");
            assertThat(json(get("/vneid/test-identities")).get("identities").findValuesAsString("personalId"))
                    .contains(applicant.get("personalId").asString());
            JsonNode document = dossier.get("documents").get(0);
            assertThat(procedure.get("documents").findValuesAsString("name")).contains(document.get("requiredDocument").asString());
            byte[] pdf = Base64.getDecoder().decode(document.get("contentBase64").asString());
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("%PDF-1.").contains("/Type /Page ").endsWith("%%EOF\n");
            int startxref = Integer.parseInt(text.substring(text.lastIndexOf("startxref\n") + 10, text.lastIndexOf("\n%%EOF")));
            assertThat(text.substring(startxref)).startsWith("xref");
            assertThat(document.get("mediaType").asString()).isEqualTo("application/pdf");
        }
    }

    @Test
    void aDossierTheProvinceReportsNotReceivedNoLongerWaits() {
        String id = submit(validDossier(b -> { }));
        assertThat(json(get("/national-portal/api/province/dossiers?limit=500")).get("dossiers").findValuesAsString("portalDossierId"))
                .contains(id);
        Map<String, Object> notReceived = new LinkedHashMap<>(Map.of("dossierCode", id, "portalDossierId", id,
                "procedureCode", "1.000007", "channel", 2, "status", 3, "statusText", "Không tiếp nhận",
                "at", java.time.Instant.now().toString(), "note", "Thủ tục không có hiệu lực"));
        assertThat(post("/national-portal/api/province/status-reports", notReceived).statusCode()).isEqualTo(202);
        assertThat(json(get("/national-portal/api/province/dossiers?limit=500")).get("dossiers").findValuesAsString("portalDossierId"))
                .as("answered by the province").doesNotContain(id);
    }

    @Test
    void aSubmittedDossierWaitsUntilTheProvinceAcknowledgesItAndThenShowsItsReports() {
        String id = submit(validDossier(b -> { }));
        String today = DateTimeFormatter.ofPattern("yyMMdd").format(LocalDate.now(JsonBodyCheck.VIETNAM));
        assertThat(id).matches("G22\\.99-" + today + "-\\d{6}");

        JsonNode waiting = json(get("/national-portal/api/province/dossiers")).get("dossiers");
        JsonNode mine = null;
        for (JsonNode d : waiting) {
            if (d.get("portalDossierId").asString().equals(id)) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("procedureCode").asString()).isEqualTo("1.000007");
        assertThat(mine.get("agencyCode").asString()).isEqualTo("UBND-05986");
        assertThat(mine.get("applicant").get("fullName").asString()).isEqualTo("Đinh Thị Ngọc");
        assertThat(mine.get("form").get("soBan").asInt()).isEqualTo(1);
        assertThat(mine.get("documents").get(0).get("contentBase64").asString()).isNotBlank();
        assertThat(mine.get("resultDelivery").asString()).isEqualTo("ONLINE");

        String code = "000.00.12.H20-" + today + "-0042";
        String ack = "/national-portal/api/province/dossiers/" + id + "/acknowledgement";
        assertThat(post(ack, Map.of("dossierCode", code)).statusCode()).isEqualTo(204);
        assertThat(post(ack, Map.of("dossierCode", code)).statusCode()).as("the same code again").isEqualTo(204);
        HttpResponse<String> other = post(ack, Map.of("dossierCode", "000.00.12.H20-" + today + "-0043"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).get("detail").asString()).contains(code);
        assertThat(post(ack, Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/national-portal/api/province/dossiers/G22.99-000000-999999/acknowledgement",
                Map.of("dossierCode", code)).statusCode()).isEqualTo(404);
        assertThat(json(get("/national-portal/api/province/dossiers")).get("dossiers").findValuesAsString("portalDossierId"))
                .doesNotContain(id);

        Map<String, Object> received = new LinkedHashMap<>(Map.of("dossierCode", code, "portalDossierId", id,
                "procedureCode", "1.000007", "channel", 2, "status", 2, "statusText", "Đã tiếp nhận",
                "at", "2026-11-27T02:00:00Z", "appointmentDate", "2026-12-02"));
        HttpResponse<String> accepted = post("/national-portal/api/province/status-reports", received);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).get("reportId").isNumber()).isTrue();
        Map<String, Object> processing = new LinkedHashMap<>(received);
        processing.put("status", 4);
        processing.put("statusText", "Đang xử lý");
        processing.put("at", "2026-11-27T09:30:00+07:00");
        processing.put("appointmentDate", null);
        processing.put("note", "Chuyển phòng chuyên môn");
        assertThat(post("/national-portal/api/province/status-reports", processing).statusCode()).isEqualTo(202);

        JsonNode reports = json(get("/national-portal/api/province/status-reports?dossierCode=" + code)).get("reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("status").asInt()).isEqualTo(2);
        assertThat(reports.get(0).get("appointmentDate").asString()).isEqualTo("2026-12-02");
        assertThat(reports.get(1).get("status").asInt()).isEqualTo(4);
        assertThat(reports.get(1).get("at").asString()).isEqualTo("2026-11-27T02:30:00Z");
        assertThat(reports.get(1).get("appointmentDate").isNull()).isTrue();

        JsonNode dossier = json(get("/national-portal/api/dossiers/" + id));
        assertThat(dossier.get("notice").asString()).contains("SIMULATOR");
        assertThat(dossier.get("acknowledgement").get("dossierCode").asString()).isEqualTo(code);
        assertThat(dossier.get("statusReports").findValuesAsString("statusText")).containsExactly("Đã tiếp nhận", "Đang xử lý");
        assertThat(get("/national-portal/api/dossiers/G22.99-000000-999999").statusCode()).isEqualTo(404);

        HttpResponse<String> page = get("/national-portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TRÌNH MÔ PHỎNG").contains(code).contains("Đang xử lý").contains("lang=\"vi\"");
    }

    @Test
    void statusReportsOfDesksDossiersNeedNoPortalIdAndBadReportsNameTheField() {
        Map<String, Object> desk = new HashMap<>(Map.of("dossierCode", "000.00.12.H20-261127-0001", "procedureCode", "2.000001",
                "channel", 1, "status", 10, "statusText", "Đã trả kết quả", "at", "2026-11-27T03:00:00Z"));
        desk.put("portalDossierId", null);
        assertThat(post("/national-portal/api/province/status-reports", desk).statusCode()).isEqualTo(202);

        assertRefused(with(desk, "status", 11), "status", "1 đến 10");
        assertRefused(with(desk, "status", 0), "status", "1 đến 10");
        assertRefused(with(desk, "status", "2"), "status", "số nguyên");
        assertRefused(with(desk, "channel", 4), "channel", "1 đến 3");
        assertRefused(with(desk, "dossierCode", null), "dossierCode", "bắt buộc");
        assertRefused(with(desk, "at", "27/11/2026 10:00"), "at", "ISO 8601");
        assertRefused(with(desk, "appointmentDate", "02/12/2026"), "appointmentDate", "yyyy-MM-dd");
        assertRefused(with(desk, "procedureCode", null), "procedureCode", "bắt buộc");
    }

    @Test
    void anInvalidSubmissionIsRefusedNamingEachField() {
        assertRefusedSubmission(validDossier(b -> b.remove("procedureCode")), "procedureCode", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> b.put("procedureCode", "1 000 001")), "procedureCode", "1.000001");
        assertRefusedSubmission(validDossier(b -> b.remove("agencyCode")), "agencyCode", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> applicant(b).put("personalId", "12345")), "applicant.personalId", "12 chữ số");
        assertRefusedSubmission(validDossier(b -> applicant(b).put("personalId", "020985999001")), "applicant.personalId", "chữ số thứ 4");
        assertRefusedSubmission(validDossier(b -> applicant(b).remove("fullName")), "applicant.fullName", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> applicant(b).put("phoneNumber", "12345")), "applicant.phoneNumber", "10 chữ số");
        assertRefusedSubmission(validDossier(b -> b.remove("applicant")), "applicant", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> firstDocument(b).put("contentBase64", "đây không phải base64!")),
                "documents[0].contentBase64", "base64");
        assertRefusedSubmission(validDossier(b -> firstDocument(b).remove("requiredDocument")), "documents[0].requiredDocument", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> b.put("documents", List.of())), "documents", "ít nhất một");
        assertRefusedSubmission(validDossier(b -> b.remove("documents")), "documents", "bắt buộc");
        assertRefusedSubmission(validDossier(b -> b.put("form", "không phải đối tượng")), "form", "đối tượng JSON");
        assertRefusedSubmission(validDossier(b -> b.put("resultDelivery", "EMAIL")), "resultDelivery", "ONLINE");
        assertRefusedSubmission(validDossier(b -> b.put("resultDelivery", "BY_POST")), "deliveryAddress", "BY_POST");

        HttpResponse<String> several = post("/national-portal/api/dossiers", validDossier(b -> {
            b.remove("procedureCode");
            applicant(b).put("personalId", "1");
        }));
        assertThat(json(several).get("errors").findValuesAsString("field")).containsExactly("procedureCode", "applicant.personalId");

        assertThat(post("/national-portal/api/dossiers", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(post("/national-portal/api/dossiers", validDossier(b -> {
            b.put("resultDelivery", "BY_POST");
            b.put("deliveryAddress", "Số 40, tổ 2, Phường Tam Thanh, tỉnh Lạng Sơn");
            b.remove("form");
        })).statusCode()).isEqualTo(201);
        assertThat(get("/national-portal/api/province/dossiers?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/national-portal/api/province/dossiers?limit=abc").statusCode()).isEqualTo(400);
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static void assertRefused(Map<String, Object> report, String field, String rule) {
        HttpResponse<String> response = post("/national-portal/api/province/status-reports", report);
        assertThat(response.statusCode()).as(field).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).get("field").asString()).isEqualTo(field);
        assertThat(json(response).get("detail").asString()).contains("'" + field + "'").contains(rule);
    }

    static void assertRefusedSubmission(Map<String, Object> body, String field, String rule) {
        HttpResponse<String> response = post("/national-portal/api/dossiers", body);
        assertThat(response.statusCode()).as(field).isEqualTo(400);
        assertThat(json(response).get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(json(response).get("detail").asString()).contains("'" + field + "'").contains(rule);
    }

    @Test
    void aStatusReportSentAgainUnderItsReportKeyIsIgnored() {
        String code = "000.00.10.H20-261127-" + (1000 + (int) (Math.random() * 8000));
        Map<String, Object> resolved = new LinkedHashMap<>(Map.of("reportKey", "dossier-x:RESOLVED:" + code,
                "dossierCode", code, "procedureCode", "1.000001", "channel", 2, "status", 9, "statusText", "Đã có kết quả",
                "at", "2026-11-27T03:00:00Z"));
        HttpResponse<String> first = post("/national-portal/api/province/status-reports", resolved);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json(first).get("duplicate").asBoolean()).isFalse();
        HttpResponse<String> again = post("/national-portal/api/province/status-reports", resolved);
        assertThat(again.statusCode()).as("a retry is answered, not recorded twice").isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(json(again).get("reportId").asLong()).isEqualTo(json(first).get("reportId").asLong());

        Map<String, Object> returned = new LinkedHashMap<>(resolved);
        returned.put("reportKey", "dossier-x:RETURNED:" + code);
        returned.put("status", 10);
        assertThat(post("/national-portal/api/province/status-reports", returned).statusCode()).isEqualTo(202);
        JsonNode reports = json(get("/national-portal/api/province/status-reports?dossierCode=" + code)).get("reports");
        assertThat(reports.findValuesAsString("reportKey")).containsExactly("dossier-x:RESOLVED:" + code, "dossier-x:RETURNED:" + code);

        Map<String, Object> tooLong = new LinkedHashMap<>(resolved);
        tooLong.put("reportKey", "k".repeat(101));
        assertThat(post("/national-portal/api/province/status-reports", tooLong).statusCode()).isEqualTo(400);
    }

    @Test
    void aBatchIsKeptInOrderAndEachReportIsAnsweredOnItsOwn() {
        String code = "000.00.10.H20-261127-" + (1000 + (int) (Math.random() * 8000));
        String prefix = "batch-" + System.nanoTime() + ":";
        Map<String, Object> received = new LinkedHashMap<>(Map.of("reportKey", prefix + "RECEIVED", "dossierCode", code,
                "procedureCode", "1.000001", "channel", 1, "status", 2, "statusText", "Đã tiếp nhận", "at", "2026-11-27T03:00:00Z"));
        Map<String, Object> processing = with(with(received, "reportKey", prefix + "PROCESSING"), "status", 4);
        Map<String, Object> wrong = with(with(received, "reportKey", prefix + "WRONG"), "status", 11);
        Map<String, Object> keyless = with(received, "reportKey", null);
        assertThat(post("/national-portal/api/province/status-reports", received).statusCode()).isEqualTo(202);

        HttpResponse<String> answer = post("/national-portal/api/province/status-reports/batch",
                Map.of("reports", List.of(received, processing, wrong, keyless, processing)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode results = json(answer).get("results");
        assertThat(results.findValuesAsString("outcome")).containsExactly("duplicate", "accepted", "refused", "refused", "duplicate");
        assertThat(results.get(1).get("reportKey").asString()).isEqualTo(prefix + "PROCESSING");
        assertThat(results.get(2).get("reason").asString()).contains("'status'").contains("1 đến 10");
        assertThat(results.get(3).get("reason").asString()).contains("'reportKey'");
        assertThat(results.get(4).get("reportId").asLong()).isEqualTo(results.get(1).get("reportId").asLong());
        JsonNode reports = json(get("/national-portal/api/province/status-reports?dossierCode=" + code)).get("reports");
        assertThat(reports.findValuesAsString("reportKey")).containsExactly(prefix + "RECEIVED", prefix + "PROCESSING");

        assertThat(post("/national-portal/api/province/status-reports/batch", Map.of("reports", List.of())).statusCode()).isEqualTo(400);
        assertThat(post("/national-portal/api/province/status-reports/batch", Map.of("items", List.of(received))).statusCode()).isEqualTo(400);
        assertThat(post("/national-portal/api/province/status-reports/batch",
                Map.of("reports", java.util.Collections.nCopies(501, received))).statusCode()).isEqualTo(400);
    }
}
