package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

class EformTest extends PlatformTest {

    private static final String GOOD_CRIMINAL_RECORD_REQUEST = """
            {"hoTen": "Nguyễn Văn An", "soDinhDanh": "020085999001", "ngaySinh": "1985-03-12", "gioiTinh": "Nam",
             "noiThuongTru": "Số 12, ngõ 3 phố Mô Phỏng, Phường Đông Kinh, tỉnh Lạng Sơn", "dienThoai": "0912999001",
             "loaiPhieu": 1, "mucDichSuDung": "Bổ sung hồ sơ xin việc", "soLuongPhieu": 2}""";

    @Autowired
    Forms forms;

    @Autowired
    ProcedureForms procedureForms;

    @Autowired
    FormValidation validation;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demonstrationForms() throws Exception {
        new DemonstrationForms(forms, json).load(DemonstrationForms.LOCATION);
    }

    private JsonNode schema(String properties, String required) {
        return json.readTree("{\"title\": \"Tờ khai thử\", \"type\": \"object\", \"properties\": " + properties
                + ", \"required\": " + required + "}");
    }

    @Test
    void theDemonstrationFormsLoadOnceAndAreValid() throws Exception {
        List<DemonstrationForms.DemoForm> definitions = new DemonstrationForms(forms, json).read(DemonstrationForms.LOCATION);
        assertThat(definitions).extracting(DemonstrationForms.DemoForm::code)
                .containsExactly("1.000001", "1.000003", "1.000004", "1.000005", "1.000006", "1.000007", "1.000008", "1.000009",
                        "1.000010", "1.000011", "1.000012", "1.000013", "1.000014", "1.000015", "1.000016", "1.000017", "1.000018",
                        "1.000019", "1.000020", "1.000021", "1.000022", "1.000023", "1.000024", "1.000028", "1.000029", "1.000030",
                        "2.000005", "2.000006", "2.000007", "2.000008");
        for (DemonstrationForms.DemoForm definition : definitions) {
            FormDefinition form = procedureForms.current(definition.code()).orElseThrow();
            assertThat(form.demonstration()).isTrue();
            assertThat(form.version()).isEqualTo(1);
            assertThat(form.schema()).isEqualTo(definition.schema());
            FormSchemaCheck.check(form.schema());
        }
        assertThat(new DemonstrationForms(forms, json).load(DemonstrationForms.LOCATION)).isEmpty();
        assertThat(procedureForms.versions("1.000001")).hasSize(1);
        assertThat(validation.validate("1.000001", 1, json.readTree(GOOD_CRIMINAL_RECORD_REQUEST))).isEmpty();
    }

    @Test
    void everyOnlineDemonstrationProcedureHasADemonstrationFormAndNoFormIsForAnotherProcedure() throws Exception {
        JsonNode catalog;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("procedure/demo-procedures.json").getInputStream()) {
            catalog = json.readTree(in);
        }
        java.util.Set<String> procedures = new java.util.TreeSet<>();
        java.util.Set<String> online = new java.util.TreeSet<>();
        for (JsonNode procedure : catalog.get("procedures")) {
            String code = procedure.get("code").asString();
            procedures.add(code);
            for (JsonNode channel : procedure.get("channels")) {
                if (channel.asString().equals("ONLINE")) {
                    online.add(code);
                }
            }
        }
        assertThat(online).isNotEmpty();
        java.util.Set<String> withForm = new java.util.TreeSet<>();
        new DemonstrationForms(forms, json).read(DemonstrationForms.LOCATION).forEach(definition -> withForm.add(definition.code()));
        assertThat(withForm).as("the demonstration procedures submitted online have a demonstration form").containsAll(online);
        assertThat(procedures).as("every demonstration form is for a procedure of the demonstration catalog").containsAll(withForm);
    }

    @Test
    void theConditionalPartsOfTheNewDemonstrationFormsApply() {
        Map<String, Object> marital = new java.util.HashMap<>(Map.of("hoTen", "Hoàng Thị Bích", "soDinhDanh", "020192999002",
                "ngaySinh", "1992-06-15", "gioiTinh", "Nữ", "danToc", "Tày", "noiCuTru", "Phường Đông Kinh, tỉnh Lạng Sơn",
                "tinhTrangHonNhan", "CHUA_KET_HON", "mucDichSuDung", "KET_HON", "soLuongBanCap", 1));
        assertThat(validation.validate("1.000007", 1, marital)).extracting(FieldError::path)
                .containsExactlyInAnyOrder("hoTenNguoiDuKienKetHon", "noiDuKienDangKyKetHon");
        marital.put("hoTenNguoiDuKienKetHon", "Lương Văn Cường");
        marital.put("noiDuKienDangKyKetHon", "Ủy ban nhân dân phường Đông Kinh, tỉnh Lạng Sơn");
        assertThat(validation.validate("1.000007", 1, marital)).isEmpty();
        marital.put("tinhTrangHonNhan", "DOC_THAN");
        assertThat(validation.validate("1.000007", 1, marital)).extracting(FieldError::message)
                .containsExactly("Trường \"Tình trạng hôn nhân hiện nay\" phải là một trong các giá trị \u201cChưa đăng ký kết hôn với ai\u201d, "
                        + "\u201cĐang có vợ/chồng\u201d, \u201cĐã ly hôn, chưa kết hôn lại\u201d, \u201cVợ/chồng đã chết, chưa kết hôn lại\u201d.");

        Map<String, Object> allowance = new java.util.HashMap<>(Map.of("hoTen", "Lương Văn Cụ", "ngaySinh", "1945-06-15",
                "gioiTinh", "Nam", "soDinhDanh", "020045999101", "noiThuongTru", "Thôn Nà Chuông, Xã Tân Đoàn, Tỉnh Lạng Sơn",
                "nhomDoiTuong", "NGUOI_CAO_TUOI", "loaiDeNghi", "THUC_HIEN", "hinhThucNhan", "TAI_KHOAN"));
        assertThat(validation.validate("1.000020", 1, allowance)).extracting(FieldError::path)
                .containsExactlyInAnyOrder("soTaiKhoan", "nganHang");
        allowance.put("soTaiKhoan", "8888020045101");
        allowance.put("nganHang", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam");
        assertThat(validation.validate("1.000020", 1, allowance)).isEmpty();
        allowance.put("loaiDeNghi", "THOI_HUONG");
        assertThat(validation.validate("1.000020", 1, allowance)).extracting(FieldError::path, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lyDo", "required"));
    }

    @Test
    void aBrokenDemonstrationFormFailsNamingTheFileAndTheProblem() {
        assertThatThrownBy(() -> new DemonstrationForms(forms, json).load("classpath:eform/broken/*.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("9.999999.json", "soLuong", "phone");
        assertThat(procedureForms.current("9.999999")).isEmpty();
    }

    @Test
    void theDemonstrationConditionalsApply() {
        Map<String, Object> business = new java.util.HashMap<>(Map.of("tenHoKinhDoanh", "Hộ kinh doanh Bình An",
                "diaChiTruSo", "Phường Đông Kinh, tỉnh Lạng Sơn", "nganhNghe", "Bán lẻ tạp hóa", "vonKinhDoanh", 150_000_000,
                "chuHo", "Trần Thị Bình", "soDinhDanhChuHo", "020085999001", "dienThoai", "0912999001", "daCoMaSoThue", true));
        assertThat(validation.validate("2.000005", 1, business)).extracting(FieldError::path, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maSoThue", "required"));
        business.put("maSoThue", "0100109106");
        assertThat(validation.validate("2.000005", 1, business)).isEmpty();
        business.put("vonKinhDoanh", -5);
        assertThat(validation.validate("2.000005", 1, business)).extracting(FieldError::rule).contains("minimum", "format");
        JsonNode residence = json.readTree(GOOD_CRIMINAL_RECORD_REQUEST.replace("}", ", \"yeuCauXacNhanCuTru\": true}"));
        assertThat(validation.validate("1.000001", 1, residence)).extracting(FieldError::message)
                .containsExactly("Trường \"Nơi cư trú cần xác nhận\" là bắt buộc.");
    }

    @Test
    void aNewVersionNeverChangesAnOldOneAndAFormIsValidatedAgainstTheVersionItNames() {
        String code = "T." + UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = schema("{\"hoTen\": {\"type\": \"string\", \"title\": \"Họ và tên\"}}", "[\"hoTen\"]");
        JsonNode second = schema("{\"hoTen\": {\"type\": \"string\", \"title\": \"Họ và tên\"},"
                + " \"dienThoai\": {\"type\": \"string\", \"title\": \"Điện thoại\", \"format\": \"phone\"}}", "[\"hoTen\", \"dienThoai\"]");
        FormDefinition v1 = procedureForms.publish(code, LocalDate.of(2025, 1, 1), first, "test-admin");
        FormDefinition v2 = procedureForms.publish(code, LocalDate.of(2025, 7, 1), second, "test-admin");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.createdBy()).isEqualTo("test-admin");
        assertThat(v2.demonstration()).isFalse();
        assertThat(procedureForms.version(code, 1).orElseThrow().schema()).isEqualTo(first);
        assertThat(procedureForms.versions(code)).extracting(FormDefinition::version).containsExactly(1, 2);
        assertThat(procedureForms.current(code, LocalDate.of(2025, 6, 30)).orElseThrow().version()).isEqualTo(1);
        assertThat(procedureForms.current(code, LocalDate.of(2025, 7, 1)).orElseThrow().version()).isEqualTo(2);
        assertThat(procedureForms.current(code, LocalDate.of(2024, 12, 31))).isEmpty();

        Map<String, Object> filledWithV1 = Map.of("hoTen", "Nguyễn Văn An");
        assertThat(validation.validate(code, 1, filledWithV1)).isEmpty();
        assertThat(validation.validate(code, 2, filledWithV1)).extracting(FieldError::path).containsExactly("dienThoai");
        assertThat(validation.validate(code, 1, Map.of("hoTen", "An", "dienThoai", "0912999001")))
                .extracting(FieldError::rule).containsExactly("unknown-property");
        assertThatThrownBy(() -> validation.validate(code, 3, filledWithV1)).isInstanceOf(UnknownForm.class);

        assertThatThrownBy(() -> jdbc.sql("update eform_definition set schema_json = '{}' where procedure_code = :code")
                .param("code", code).update()).hasMessageContaining("never changed");
        assertThat(procedureForms.version(code, 1).orElseThrow().schema()).isEqualTo(first);
        assertThatThrownBy(() -> procedureForms.publish(code, LocalDate.of(2026, 1, 1),
                schema("{\"a\": {\"type\": \"string\"}}", "[]"), "test-admin")).isInstanceOf(InvalidFormSchema.class);
        assertThat(procedureForms.versions(code)).hasSize(2);
    }

    @Test
    void theFormIsServedAsJsonSchemaWithItsVersionAndAnEtag() throws Exception {
        HttpResponse<String> response = get("/api/v1/procedures/1.000001/form");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/schema+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("x-form-version").asInt()).isEqualTo(1);
        assertThat(body.get("title").asString()).isEqualTo("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp");
        assertThat(body.at("/properties/soDinhDanh/format").asString()).isEqualTo("personal-id");
        assertThat(body.at("/properties/soLuongPhieu/x-layout/group").asString()).isEqualTo("Nội dung yêu cầu");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/v1/procedures/1.000001/form", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/procedures/1.000001/form?version=1").headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void aProcedureWithoutAFormIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/procedures/1.000002/form");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("1.000002", "chưa có biểu mẫu");
        HttpResponse<String> noSuchVersion = get("/api/v1/procedures/1.000001/form?version=9");
        assertThat(noSuchVersion.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noSuchVersion.body()).get("detail").asString()).contains("phiên bản 9");
    }

    @Test
    void anyoneMayValidateAFilledForm() throws Exception {
        HttpResponse<String> valid = post("/api/v1/procedures/1.000001/form/validate", GOOD_CRIMINAL_RECORD_REQUEST);
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(json.readTree(valid.body()).get("valid").asBoolean()).isTrue();

        HttpResponse<String> invalid = post("/api/v1/procedures/1.000001/form/validate?version=1", """
                {"hoTen": "Nguyễn Văn An", "soDinhDanh": "020985999001", "ngaySinh": "1985-02-30", "gioiTinh": "Nam",
                 "noiThuongTru": "Lạng Sơn", "dienThoai": "0912999001", "loaiPhieu": 1, "mucDichSuDung": "Xin việc",
                 "soLuongPhieu": 11, "ghiChu": "?"}""");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(invalid.body());
        assertThat(problem.get("detail").asString()).contains("4 lỗi");
        Map<String, String> messages = new java.util.HashMap<>();
        Map<String, String> rules = new java.util.HashMap<>();
        for (JsonNode error : problem.get("errors")) {
            messages.put(error.get("path").asString(), error.get("message").asString());
            rules.put(error.get("path").asString(), error.get("rule").asString());
        }
        assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of("soDinhDanh", "format", "ngaySinh", "format",
                "soLuongPhieu", "maximum", "ghiChu", "unknown-property"));
        assertThat(messages.get("soDinhDanh")).startsWith("Trường \"Số định danh cá nhân\"");
        assertThat(messages.get("soLuongPhieu")).isEqualTo("Trường \"Số lượng Phiếu lý lịch tư pháp\" không được lớn hơn 10.");

        assertThat(post("/api/v1/procedures/1.000002/form/validate", "{}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aChangedDemonstrationFormBecomesTheNextVersionUnlessAnAdministratorPublishedSince() throws Exception {
        JsonNode old = schema("{\"hoTen\": {\"type\": \"string\", \"title\": \"Họ và tên\"}}", "[\"hoTen\"]");
        forms.publish("9.000301", LocalDate.of(2025, 1, 1), old, DemonstrationForms.CREATED_BY, true);
        forms.publish("9.000302", LocalDate.of(2025, 1, 1), old, DemonstrationForms.CREATED_BY, true);
        forms.publish("9.000302", LocalDate.of(2025, 6, 1), old, "test-admin");

        assertThat(new DemonstrationForms(forms, json).load("classpath:eform/changed/*.json")).containsExactly("9.000301");

        assertThat(procedureForms.versions("9.000301")).hasSize(2);
        FormDefinition latest = procedureForms.version("9.000301", 2).orElseThrow();
        assertThat(latest.title()).isEqualTo("Tờ khai trình diễn đã sửa");
        assertThat(latest.demonstration()).isTrue();
        assertThat(procedureForms.current("9.000301").orElseThrow().version()).isEqualTo(2);
        assertThat(procedureForms.version("9.000301", 1).orElseThrow().schema()).isEqualTo(old);
        assertThat(procedureForms.versions("9.000302")).hasSize(2);
        assertThat(new DemonstrationForms(forms, json).load("classpath:eform/changed/*.json")).isEmpty();
    }
}
