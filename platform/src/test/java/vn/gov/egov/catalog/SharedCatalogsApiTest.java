package vn.gov.egov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

class SharedCatalogsApiTest extends PlatformTest {

    @Autowired
    ObjectMapper json;

    @Test
    void bothVersionsOfLangSonsAdministrativeUnitsAreThere() throws Exception {
        JsonNode before = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-06-30&size=1");
        JsonNode after = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-07-01&size=1");
        JsonNode districts = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-06-30&parent=20&size=100");
        JsonNode communesAfter = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-07-01&parent=20&size=100");

        assertThat(before.get("total").asInt()).isEqualTo(1 + 11 + 194);
        assertThat(after.get("total").asInt()).isEqualTo(1 + 65);
        assertThat(districts.get("total").asInt()).isEqualTo(11);
        assertThat(communesAfter.get("total").asInt()).isEqualTo(65);
    }

    @Test
    void aCommuneOnADateAndTheUnitItIsNow() throws Exception {
        JsonNode lineage = json.readTree(get("/api/v1/catalogs/admin-units/entries/05980/lineage?asOf=2025-05-01").body());

        assertThat(lineage.at("/asOf/name").asString()).isEqualTo("Phường Đông Kinh");
        assertThat(lineage.at("/asOf/parentCode").asString()).isEqualTo("178");
        assertThat(lineage.get("current")).hasSize(1);
        assertThat(lineage.at("/current/0/entry/code").asString()).isEqualTo("05977");
        assertThat(lineage.at("/current/0/entry/name").asString()).isEqualTo("Phường Đông Kinh");
        assertThat(lineage.at("/current/0/path/0/effectiveDate").asString()).isEqualTo("2025-07-01");

        JsonNode reused = json.readTree(get("/api/v1/catalogs/admin-units/entries/05977?asOf=2025-05-01").body());
        assertThat(reused.get("name").asString()).isEqualTo("Phường Vĩnh Trại");
        JsonNode today = json.readTree(get("/api/v1/catalogs/admin-units/entries/05977").body());
        assertThat(today.get("name").asString()).isEqualTo("Phường Đông Kinh");
    }

    @Test
    void searchFindsVietnameseWithOrWithoutDiacritics() throws Exception {
        JsonNode plain = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-05-01&q=lang%20son");
        JsonNode accented = entries("/api/v1/catalogs/admin-units/entries?asOf=2025-05-01&q=L%E1%BA%A1ng%20S%C6%A1n");

        assertThat(plain.get("items").findValuesAsString("name")).contains("Tỉnh Lạng Sơn", "Thành phố Lạng Sơn");
        assertThat(accented.get("total").asInt()).isEqualTo(plain.get("total").asInt());
    }

    @Test
    void theAgencyTreeCarriesBothCodeFormsAndThe2025Restructuring() throws Exception {
        JsonNode justice = json.readTree(get("/api/v1/catalogs/agencies/entries/SO-TP?asOf=2024-01-01").body());
        assertThat(justice.at("/attributes/qcvn102_code").asString()).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H20");
        assertThat(justice.at("/attributes/qd20_code").asString()).startsWith("H20.");
        assertThat(justice.at("/attributes/sample_codes").asString()).isEqualTo("true");

        JsonNode departments2024 = entries("/api/v1/catalogs/agencies/entries?asOf=2024-06-01&parent=UBND-20&size=500");
        long departments = countKind(departments2024, "department");
        assertThat(departments).isEqualTo(20);
        assertThat(countKind(departments2024, "other-organization")).isEqualTo(11);
        assertThat(countKind(departments2024, "district-committee")).isEqualTo(11);

        JsonNode after = entries("/api/v1/catalogs/agencies/entries?asOf=2025-07-01&parent=UBND-20&size=500");
        assertThat(countKind(after, "district-committee")).isZero();
        assertThat(countKind(after, "commune-committee")).isEqualTo(65);
        assertThat(countKind(after, "department")).isLessThan(20);

        JsonNode planning = json.readTree(get("/api/v1/catalogs/agencies/entries/SO-KHDT/lineage?asOf=2024-06-01").body());
        assertThat(planning.get("current").findValuesAsString("code")).contains("SO-TC");
        assertThat(get("/api/v1/catalogs/agencies/entries/SO-KHDT?asOf=2025-03-01").statusCode()).isEqualTo(404);
    }

    @Test
    void readsAnswerWithETagsAndNotModified() throws Exception {
        HttpResponse<String> first = get("/api/v1/catalogs/ethnic-groups/entries?asOf=2024-01-01");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/api/v1/catalogs/ethnic-groups/entries?asOf=2024-01-01", "If-None-Match", etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("total").asInt()).isEqualTo(54);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void badParametersAndUnknownThingsAnswerWithProblemJson() throws Exception {
        HttpResponse<String> badDate = get("/api/v1/catalogs/admin-units/entries?asOf=2025-02-30");
        HttpResponse<String> unknownCatalog = get("/api/v1/catalogs/nothing/entries");
        HttpResponse<String> unknownEntry = get("/api/v1/catalogs/admin-units/entries/99999");
        HttpResponse<String> badSize = get("/api/v1/catalogs/admin-units/entries?size=-1");

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(badDate.body()).get("parameter").asString()).isEqualTo("asOf");
        assertThat(unknownCatalog.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknownCatalog.body()).get("detail").asString()).contains("nothing");
        assertThat(unknownEntry.statusCode()).isEqualTo(404);
        assertThat(badSize.statusCode()).isEqualTo(400);
    }

    @Test
    void aNewCatalogByConfigurationThenAnImportThatIsAllOrNothing() throws Exception {
        HttpResponse<String> defined = asAdmin("POST", "/api/v1/catalogs", "application/json", """
                {"code": "border-gates", "name": "Cửa khẩu", "nameEn": "Border gates", "hierarchical": true,
                 "codePattern": "[A-Z]{2,10}",
                 "attributes": [{"name": "kind", "label": "Loại", "type": "ENUM", "required": true,
                                 "values": ["international", "main", "secondary"]},
                                {"name": "opened", "label": "Ngày mở", "type": "DATE"}]}
                """);
        assertThat(defined.statusCode()).isEqualTo(201);
        long revision = revision("border-gates");

        HttpResponse<String> refused = asAdmin("POST", "/api/v1/catalogs/border-gates/import", "text/csv", """
                code,name,parent_code,valid_from,valid_to,kind,opened
                HUUNGHI,Cửa khẩu quốc tế Hữu Nghị,,2020-01-01,,international,1960-01-01
                DONGDANG,Ga Đồng Đăng,,2020-13-01,,international,
                TANTHANH,Cửa khẩu Tân Thanh,NOWHERE,2020-01-01,,main,
                CHIMA,Cửa khẩu Chi Ma,,2020-01-01,,bridge,
                "BROKEN,quote
                """);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.at("/errors/0/rule").asString()).isEqualTo("malformed-csv");
        assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(6);

        HttpResponse<String> refusedRows = asAdmin("POST", "/api/v1/catalogs/border-gates/import", "text/csv", """
                code,name,parent_code,valid_from,valid_to,kind,opened
                HUUNGHI,Cửa khẩu quốc tế Hữu Nghị,,2020-01-01,,international,1960-01-01
                DONGDANG,Ga Đồng Đăng,,2020-13-01,,international,
                TANTHANH,Cửa khẩu Tân Thanh,NOWHERE,2020-01-01,,main,
                CHIMA,Cửa khẩu Chi Ma,,2020-01-01,,bridge,
                """);
        assertThat(refusedRows.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(refusedRows.body()).get("errors");
        assertThat(errors.findValuesAsString("rule")).containsExactlyInAnyOrder("date-format", "enum", "unknown-parent");
        assertThat(errors.findValues("line")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(3, 5, 4);
        assertThat(revision("border-gates")).isEqualTo(revision);
        assertThat(json.readTree(get("/api/v1/catalogs/border-gates/entries").body()).get("total").asInt()).isZero();

        String good = """
                code,name,parent_code,valid_from,valid_to,kind,opened
                HUUNGHI,Cửa khẩu quốc tế Hữu Nghị,,2020-01-01,,international,1960-01-01
                TANTHANH,"Cửa khẩu Tân Thanh, Văn Lãng",HUUNGHI,2020-01-01,,main,
                """;
        HttpResponse<String> imported = asAdmin("POST", "/api/v1/catalogs/border-gates/import?reason=QĐ%201/2020", "text/csv", good);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("versionsWritten").asInt()).isEqualTo(2);
        HttpResponse<String> again = asAdmin("POST", "/api/v1/catalogs/border-gates/import", "text/csv", good);
        assertThat(json.readTree(again.body()).get("versionsWritten").asInt()).isZero();

        HttpResponse<String> exported = get("/api/v1/catalogs/border-gates/export?format=csv&history=true");
        assertThat(exported.body()).contains("\"Cửa khẩu Tân Thanh, Văn Lãng\"").startsWith("code,name,name_en,parent_code,valid_from,valid_to,kind,opened");
        HttpResponse<String> reimported = asAdmin("POST", "/api/v1/catalogs/border-gates/import", "text/csv", exported.body());
        assertThat(json.readTree(reimported.body()).get("versionsWritten").asInt()).isZero();

        HttpResponse<String> orphaning = asAdmin("POST", "/api/v1/catalogs/border-gates/entries/HUUNGHI/retire", "application/json",
                "{\"date\": \"2024-01-01\", \"reason\": \"thử\"}");
        assertThat(orphaning.statusCode()).isEqualTo(422);
        assertThat(json.readTree(orphaning.body()).at("/errors/0/rule").asString()).isEqualTo("orphan");

        HttpResponse<String> edited = asAdmin("PUT", "/api/v1/catalogs/border-gates/entries/TANTHANH", "application/json", """
                {"name": "Cửa khẩu chính Tân Thanh", "parentCode": "HUUNGHI", "effectiveFrom": "2024-01-01",
                 "attributes": {"kind": "main"}, "reason": "Đổi tên theo quyết định"}
                """);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/api/v1/catalogs/border-gates/entries/TANTHANH?asOf=2023-12-31").body()).get("name").asString())
                .isEqualTo("Cửa khẩu Tân Thanh, Văn Lãng");
        assertThat(json.readTree(get("/api/v1/catalogs/border-gates/entries/TANTHANH?asOf=2024-01-01").body()).get("name").asString())
                .isEqualTo("Cửa khẩu chính Tân Thanh");

        JsonNode changes = json.readTree(get("/api/v1/catalogs/border-gates/changes?code=TANTHANH").body());
        assertThat(changes.get(0).get("changedBy").asString()).isEqualTo(ADMIN);
        assertThat(changes.get(0).get("reason").asString()).isEqualTo("Đổi tên theo quyết định");
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("EDIT");
    }

    @Test
    void jsonImportReportsTheRecordAndField() throws Exception {
        asAdmin("POST", "/api/v1/catalogs", "application/json", "{\"code\": \"json-test\", \"name\": \"Thử JSON\"}");

        HttpResponse<String> refused = asAdmin("POST", "/api/v1/catalogs/json-test/import", "application/json",
                "[{\"code\": \"A\", \"name\": \"Một\", \"validFrom\": \"2025-01-01\"}, {\"code\": \"B\", \"validFrom\": \"2025-01-01\"}]");
        HttpResponse<String> malformed = asAdmin("POST", "/api/v1/catalogs/json-test/import", "application/json", "[{\"code\": ");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(json.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(json.readTree(malformed.body()).at("/errors/0/rule").asString()).isEqualTo("malformed-json");
    }

    @Test
    void changesNeedTheProvinceAdministrator() throws Exception {
        HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/catalogs/religions/import"))
                        .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString("code,name,valid_from\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPassword = http.send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/catalogs/religions/entries/01"))
                        .header("Authorization", basic(ADMIN, "wrong")).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> builtIn = asAdmin("POST", "/api/v1/catalogs", "application/json", "{\"code\": \"agencies\", \"name\": \"x\"}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(builtIn.statusCode()).isEqualTo(409);
    }

    private long countKind(JsonNode page, String kind) {
        long count = 0;
        for (JsonNode item : page.get("items")) {
            if (kind.equals(item.at("/attributes/kind").asString())) {
                count++;
            }
        }
        return count;
    }

    private long revision(String catalog) throws Exception {
        return json.readTree(get("/api/v1/catalogs/" + catalog).body()).get("revision").asLong();
    }

    private JsonNode entries(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
