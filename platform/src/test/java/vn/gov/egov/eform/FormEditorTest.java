package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.egov.PlatformTest;

/** The province administrator edits a form: preview, publish a new version; the same through the API. */
class FormEditorTest extends PlatformTest {

    private static final String SCHEMA = """
            {"title": "Tờ khai thử nghiệm biên tập", "type": "object",
             "properties": {
               "hoTen": {"type": "string", "title": "Họ và tên người khai", "x-prefill": "applicant.fullName",
                 "x-layout": {"order": 1, "group": "Người khai"}},
               "soLuong": {"type": "integer", "title": "Số lượng bản sao", "minimum": 1, "x-layout": {"order": 2, "group": "Yêu cầu"}}
             },
             "required": ["hoTen"]}""";

    @Autowired
    Forms forms;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    }

    /** A procedure of the tests only, with a first version so that the editor knows it. */
    private String procedureWithAForm(String code) {
        if (forms.versions(code).isEmpty()) {
            forms.publish(code, LocalDate.of(2025, 1, 1), json.readTree(SCHEMA), "test");
        }
        return code;
    }

    private long audited(String objectId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM audit_pending WHERE object_type = 'eform' AND object_id = :id)
                     + (SELECT count(*) FROM audit_entry WHERE object_type = 'eform' AND object_id = :id)""")
                .param("id", objectId).query(Long.class).single();
    }

    @Test
    void theAdministratorPreviewsAndPublishesANewVersionOnThePage() throws Exception {
        String code = procedureWithAForm("9.000201");
        Browser browser = new Browser();
        browser.logIn(ADMIN);

        HttpResponse<String> list = browser.get("/admin/forms");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("#forms a").eachText()).contains(code);

        HttpResponse<String> editor = browser.get("/admin/forms/" + code);
        assertThat(editor.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(editor.body());
        assertThat(page.getElementById("schema").text()).contains("Tờ khai thử nghiệm biên tập");
        assertThat(page.getElementById("schema").attr("hx-post")).isEqualTo("/admin/forms/" + code + "/preview");
        assertThat(page.select("#preview label[for=ef-hoTen]").text()).contains("Họ và tên người khai");
        assertThat(page.select("#versions tbody tr")).hasSizeGreaterThanOrEqualTo(1);

        String changed = SCHEMA.replace("Số lượng bản sao", "Số bản sao cần cấp");
        HttpResponse<String> preview = browser.post("/admin/forms/" + code + "/preview", "/admin/forms/" + code, Map.of("schema", changed));
        assertThat(preview.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parse(preview.body());
        assertThat(fragment.select("label[for=ef-soLuong]").text()).contains("Số bản sao cần cấp");
        assertThat(fragment.select("html > body > *").first().tagName()).as("a fragment, not a page").isNotEqualTo("header");
        assertThat(preview.body()).doesNotContain("site-header");

        HttpResponse<String> broken = browser.post("/admin/forms/" + code + "/preview", "/admin/forms/" + code,
                Map.of("schema", SCHEMA.replace("\"minimum\": 1", "\"format\": \"phone\"")));
        assertThat(Jsoup.parse(broken.body()).getElementById("preview-problem").text())
                .contains("soLuong").contains("'format'").contains("integer");
        HttpResponse<String> notJson = browser.post("/admin/forms/" + code + "/preview", "/admin/forms/" + code,
                Map.of("schema", "{\"title\": "));
        assertThat(Jsoup.parse(notJson.body()).getElementById("preview-problem").text()).contains("không phải JSON hợp lệ").contains("dòng 1");

        int before = forms.versions(code).size();
        HttpResponse<String> published = browser.post("/admin/forms/" + code, "/admin/forms/" + code,
                Map.of("schema", changed, "validFrom", today()));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith("/admin/forms/" + code + "?published=" + (before + 1));
        assertThat(forms.versions(code)).hasSize(before + 1);
        FormDefinition current = forms.current(code).orElseThrow();
        assertThat(current.version()).isEqualTo(before + 1);
        assertThat(current.createdBy()).isEqualTo(ADMIN);
        assertThat(current.schema().get("properties").get("soLuong").get("title").asString()).isEqualTo("Số bản sao cần cấp");
        assertThat(forms.version(code, before).orElseThrow().schema().get("properties").get("soLuong").get("title").asString())
                .as("the old version stays as it was").isEqualTo("Số lượng bản sao");
        assertThat(audited(code + "/v" + (before + 1))).isEqualTo(1);
        Document after = Jsoup.parse(browser.get("/admin/forms/" + code + "?published=" + (before + 1)).body());
        assertThat(after.getElementById("notice").text()).contains("phiên bản " + (before + 1));

        HttpResponse<String> refused = browser.post("/admin/forms/" + code, "/admin/forms/" + code,
                Map.of("schema", SCHEMA.replace("applicant.fullName", "applicant.nickname"), "validFrom", "2020-01-01"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document refusal = Jsoup.parse(refused.body());
        assertThat(refusal.getElementById("schema-error").text()).contains("hoTen").contains("x-prefill").contains("applicant.nickname");
        assertThat(refusal.getElementById("validFrom-error").text()).contains("Ngày áp dụng");
        assertThat(refusal.getElementById("schema").attr("aria-invalid")).isEqualTo("true");
        assertThat(refusal.getElementById("schema").text()).as("what was typed is kept").contains("applicant.nickname");
        assertThat(forms.versions(code)).hasSize(before + 1);
    }

    @Test
    void theApiPublishesAVersionListsThemAndNamesTheBrokenRule() throws Exception {
        String code = procedureWithAForm("9.000202");
        ObjectNode request = json.createObjectNode();
        request.put("validFrom", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString());
        request.set("schema", json.readTree(SCHEMA));

        HttpResponse<String> created = asAdmin("POST", "/api/v1/procedures/" + code + "/form/versions", "application/json",
                json.writeValueAsString(request));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode version = json.readTree(created.body());
        int number = version.get("version").asInt();
        assertThat(version.get("current").asBoolean()).as("valid only from a later day").isFalse();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/form?version=" + number);
        assertThat(audited(code + "/v" + number)).isEqualTo(1);

        HttpResponse<String> list = get("/api/v1/procedures/" + code + "/form/versions");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode versions = json.readTree(list.body());
        assertThat(versions.size()).isEqualTo(number);
        assertThat(versions.get(number - 1).get("validFrom").asString()).isEqualTo(request.get("validFrom").asString());
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(list.body()).doesNotContain("createdBy");

        request.set("schema", json.readTree(SCHEMA.replace("\"minimum\": 1", "\"format\": \"phone\"")));
        HttpResponse<String> bad = asAdmin("POST", "/api/v1/procedures/" + code + "/form/versions", "application/json",
                json.writeValueAsString(request));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(bad.body());
        assertThat(problem.get("detail").asString()).contains("soLuong").contains("'format' 'phone'");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("schema");

        request.put("validFrom", "01/12/2026");
        assertThat(asAdmin("POST", "/api/v1/procedures/" + code + "/form/versions", "application/json",
                json.writeValueAsString(request)).body()).contains("validFrom");
        HttpResponse<String> unknown = asAdmin("POST", "/api/v1/procedures/9.999998/form/versions", "application/json",
                "{\"validFrom\": \"" + today() + "\", \"schema\": " + SCHEMA + "}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("detail").asString()).contains("9.999998");
        assertThat(get("/api/v1/procedures/9.999998/form/versions").statusCode()).isEqualTo(404);
        assertThat(forms.versions(code)).hasSize(number);
    }
}
