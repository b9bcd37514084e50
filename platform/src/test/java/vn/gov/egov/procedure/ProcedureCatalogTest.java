package vn.gov.egov.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.egov.PlatformTest;

class ProcedureCatalogTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ImportingProcedures importing;

    @BeforeEach
    void theDemonstrationSetIsImported() throws Exception {
        HttpResponse<String> sync = asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
    }

    @Test
    void theSyncFromTheSimulatorImportsTheDemonstrationSet() throws Exception {
        JsonNode result = JSON.readTree(asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null).body());
        int received = result.path("received").asInt();
        assertThat(received).isEqualTo(demonstrationSet().size()).isGreaterThanOrEqualTo(30);
        assertThat(result.path("created").asInt() + result.path("updated").asInt() + result.path("unchanged").asInt()).isEqualTo(received);
        assertThat(result.path("errors")).isEmpty();

        JsonNode criminalRecord = JSON.readTree(get("/api/v1/procedures/1.000001").body());
        assertThat(criminalRecord.path("name").asString()).startsWith("Cấp Phiếu lý lịch tư pháp");
        assertThat(criminalRecord.path("fieldCode").asString()).isEqualTo("TP.03");
        assertThat(criminalRecord.path("level").asString()).isEqualTo("PROVINCE");
        assertThat(criminalRecord.path("sampleCode").asBoolean()).isTrue();
        assertThat(criminalRecord.path("demonstration").asBoolean()).isTrue();
        assertThat(criminalRecord.path("processingTime").path("value").asInt()).isEqualTo(10);
        assertThat(criminalRecord.path("fees").get(0).path("amount").asLong()).isEqualTo(200000);
        assertThat(criminalRecord.path("documents").get(0).path("originals").asInt()).isEqualTo(1);

        JsonNode all = JSON.readTree(get("/api/v1/procedures?size=200").body());
        List<String> levels = new ArrayList<>();
        all.path("items").forEach(p -> levels.add(p.path("level").asString()));
        assertThat(levels).contains("PROVINCE", "COMMUNE");
        JsonNode before = JSON.readTree(get("/api/v1/procedures?level=DISTRICT&asOf=2025-06-30").body());
        assertThat(before.path("total").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDemonstrationFileInThePlatformIsTheSimulatorsSetAndEveryRecordOfItIsValid() throws Exception {
        String platformCopy;
        String simulators;
        try (InputStream a = new ClassPathResource(DemonstrationProcedures.RESOURCE).getInputStream();
             InputStream b = new ClassPathResource("national-sim/procedures/national-procedures.json").getInputStream()) {
            platformCopy = new String(a.readAllBytes(), StandardCharsets.UTF_8);
            simulators = new String(b.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(platformCopy).isEqualTo(simulators);
        List<NationalProcedureRecord> records = NationalProcedureDatabase.parse(platformCopy);
        assertThat(records).allSatisfy(r -> assertThat(r.sampleCode()).isTrue())
                .allSatisfy(r -> assertThat(r.demonstration()).isTrue());
        SyncResult again = importing.importRecords("demonstration", records);
        assertThat(again.errors()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(records.size() - again.updated());
    }

    @Test
    void aSecondSyncWithAChangedRecordKeepsTheOldVersion() throws Exception {
        ObjectNode changed = (ObjectNode) demonstrationSet().stream().filter(p -> p.path("code").asString().equals("2.000004"))
                .findFirst().orElseThrow();
        ((ObjectNode) changed.path("fees").get(0)).put("amount", 5000);
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort()
                        + "/national-procedures/api/procedures")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(changed.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(published.statusCode()).isEqualTo(202);

        JsonNode result = JSON.readTree(asAdmin("POST", "/api/v1/procedures/sync", null, null).body());
        assertThat(result.path("errors")).isEmpty();

        LocalDate today = ProcedureReading.today();
        JsonNode versions = JSON.readTree(get("/api/v1/procedures/2.000004/versions").body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("validTo").asString()).isEqualTo(today.toString());
        assertThat(versions.get(0).path("fees").get(0).path("amount").asLong()).isEqualTo(3000);
        assertThat(versions.get(1).path("validFrom").asString()).isEqualTo(today.toString());
        assertThat(versions.get(1).path("fees").get(0).path("amount").asLong()).isEqualTo(5000);

        JsonNode yesterday = JSON.readTree(get("/api/v1/procedures/2.000004?asOf=" + today.minusDays(1)).body());
        assertThat(yesterday.path("fees").get(0).path("amount").asLong()).isEqualTo(3000);
        JsonNode now = JSON.readTree(get("/api/v1/procedures/2.000004").body());
        assertThat(now.path("fees").get(0).path("amount").asLong()).isEqualTo(5000);
    }

    @Test
    void invalidRecordsAreReportedByCodeAndFieldAndDoNotBlockTheOthers() {
        NationalProcedureRecord good = record("9.100001", "TP.01", "COMMUNE", "UBND-05977", 0L, null);
        NationalProcedureRecord unknownField = record("9.100002", "ZZ.99", "COMMUNE", "UBND-05977", 0L, null);
        NationalProcedureRecord unknownAgencyAndNegativeFee = record("9.100003", "TP.01", "PROVINCE", "SO-KHONG-CO", -1L, null);
        NationalProcedureRecord badLevel = record("9.100004", "TP.01", "HUYEN", "UBND-05977", 0L, null);
        NationalProcedureRecord districtStillValid = record("9.100005", "TP.01", "DISTRICT", "UBND-178", 0L, null);

        SyncResult result = importing.importRecords("test", List.of(good, unknownField, unknownAgencyAndNegativeFee, badLevel,
                districtStillValid));

        assertThat(result.received()).isEqualTo(5);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.errors()).extracting(RecordError::code, RecordError::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("9.100002", "fieldCode"),
                org.assertj.core.groups.Tuple.tuple("9.100003", "competentAgency"),
                org.assertj.core.groups.Tuple.tuple("9.100003", "implementingAgencies"),
                org.assertj.core.groups.Tuple.tuple("9.100003", "fees.amount"),
                org.assertj.core.groups.Tuple.tuple("9.100004", "level"),
                org.assertj.core.groups.Tuple.tuple("9.100005", "level"));
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(reading.find("9.100001", ProcedureReading.today())).isPresent();
        assertThat(reading.versions("9.100002")).isEmpty();
        assertThat(reading.versions("9.100003")).isEmpty();
        assertThat(reading.versions("9.100004")).isEmpty();
        assertThat(reading.versions("9.100005")).isEmpty();
    }

    @Autowired
    ProcedureReading reading;

    @Test
    void searchFindsLyLichTuPhapWithAndWithoutDiacritics() throws Exception {
        JsonNode plain = JSON.readTree(get("/api/v1/procedures?q=ly%20lich%20tu%20phap").body());
        JsonNode marked = JSON.readTree(get("/api/v1/procedures?q=" + URLEncoder.encode("Lý lịch tư pháp", StandardCharsets.UTF_8)).body());
        assertThat(codes(plain)).contains("1.000001", "1.000002").doesNotContain("1.000003");
        assertThat(codes(marked)).isEqualTo(codes(plain));
        JsonNode dd = JSON.readTree(get("/api/v1/procedures?q=dang%20ky%20khai%20sinh").body());
        assertThat(codes(dd)).contains("1.000003");
    }

    @Test
    void filtersByFieldAgencyAndLevel() throws Exception {
        JsonNode judicialRecords = JSON.readTree(get("/api/v1/procedures?field=TP.03").body());
        assertThat(codes(judicialRecords)).contains("1.000001");
        judicialRecords.path("items").forEach(p -> assertThat(p.path("fieldCode").asString()).isEqualTo("TP.03"));
        assertThat(judicialRecords.path("items").get(0).path("fieldName").asString()).isEqualTo("Lý lịch tư pháp");

        JsonNode justice = JSON.readTree(get("/api/v1/procedures?field=TP&size=200").body());
        assertThat(codes(justice)).contains("1.000001", "1.000003", "2.000001").doesNotContain("1.000009");

        JsonNode commune = JSON.readTree(get("/api/v1/procedures?agency=UBND-06001&size=200").body());
        assertThat(codes(commune)).contains("1.000003", "1.000009").doesNotContain("1.000001");

        JsonNode communeLevel = JSON.readTree(get("/api/v1/procedures?level=COMMUNE&size=200").body());
        communeLevel.path("items").forEach(p -> assertThat(p.path("level").asString()).isEqualTo("COMMUNE"));
        assertThat(codes(communeLevel)).contains("1.000003");

        assertThat(JSON.readTree(get("/api/v1/procedures?level=DISTRICT").body()).path("total").asInt()).isZero();
        JsonNode districtBefore = JSON.readTree(get("/api/v1/procedures?level=district&asOf=2025-06-30").body());
        assertThat(codes(districtBefore)).contains("2.000006", "1.000010");

        JsonNode combined = JSON.readTree(get("/api/v1/procedures?field=XD.01&level=PROVINCE&channel=ONLINE&size=200").body());
        assertThat(codes(combined)).contains("1.000011", "1.000012").doesNotContain("1.000009");
    }

    @Test
    void anUnknownCodeAndABadLevelAreAnsweredAsProblemsNamingTheParameter() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/procedures/9.999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(unknown.body()).path("detail").asString()).contains("Không có thủ tục hành chính mã '9.999999'");

        HttpResponse<String> badLevel = get("/api/v1/procedures?level=HUYEN");
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(badLevel.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(badLevel.body());
        assertThat(problem.path("parameter").asString()).isEqualTo("level");
        assertThat(problem.path("detail").asString()).contains("Tham số level").contains("HUYEN");

        HttpResponse<String> badDate = get("/api/v1/procedures/1.000001?asOf=30-06-2025");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).path("parameter").asString()).isEqualTo("asOf");
    }

    @Test
    void theSyncIsForTheProvinceAdministratorOnly() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/v1/procedures/sync"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theSearchAndProcedurePagesAreInVietnamese() throws Exception {
        HttpResponse<String> search = get("/procedures?q=khai%20sinh");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("lang=\"vi\"").contains("<h1>Thủ tục hành chính</h1>").contains("Đăng ký khai sinh")
                .contains("Tìm thủ tục (có dấu hoặc không dấu)").contains("<optgroup label=\"Tư pháp\">")
                .doesNotContain("Cấp Phiếu lý lịch tư pháp");

        HttpResponse<String> page = get("/procedures/1.000001");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cấp Phiếu lý lịch tư pháp").contains("Thành phần hồ sơ").contains("Số bản chính")
                .contains("200.000 đồng").contains("10 ngày làm việc").contains("Căn cứ pháp lý").contains("Quyết định công bố")
                .contains("Sở Tư pháp").contains("Qua dịch vụ bưu chính").contains("Dữ liệu trình diễn");

        HttpResponse<String> english = get("/procedures/1.000001?lang=en");
        assertThat(english.body()).contains("Required documents").contains("10 working days");

        assertThat(get("/procedures/9.999999").statusCode()).isEqualTo(404);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(p -> codes.add(p.path("code").asString()));
        return codes;
    }

    private static List<JsonNode> demonstrationSet() throws Exception {
        try (InputStream in = new ClassPathResource(DemonstrationProcedures.RESOURCE).getInputStream()) {
            List<JsonNode> records = new ArrayList<>();
            ((ArrayNode) JSON.readTree(in).path("procedures")).forEach(records::add);
            return records;
        }
    }

    private static NationalProcedureRecord record(String code, String field, String level, String agency, long fee, String validTo) {
        return new NationalProcedureRecord(code, true, "Thủ tục kiểm thử " + code, field, level, agency, List.of(agency),
                List.of("ONLINE", "IN_PERSON"), "PARTIAL", List.of(new NationalProcedureRecord.Document("Tờ khai", 1, 0, null)),
                new NationalProcedureRecord.Time(3, "WORKING_DAYS"), List.of(new NationalProcedureRecord.FeeItem("Lệ phí", fee, null)),
                "Kết quả", null, "Căn cứ kiểm thử", "Quyết định kiểm thử", "2025-07-01", validTo, true, null);
    }
}
