package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.businessregistry.BusinessRegistryServer;
import vn.gov.egov.identity.Citizens;
import vn.gov.egov.population.PopulationDatabase;
import vn.gov.egov.population.PopulationDatabaseUnavailable;

/** Pre-fill, reading a posted form, drawing the fields and printing the filled form. */
class FormFillingTest extends PlatformTest {

    @Autowired
    Forms forms;

    @Autowired
    FormFilling filling;

    @Autowired
    FormValidation validation;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationDatabase population;

    @Autowired
    FormPapers papers;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ITemplateEngine templates;

    @Autowired
    ApplicationContext context;

    @Autowired
    ServletContext servletContext;

    @BeforeEach
    void demonstrationForms() throws Exception {
        new DemonstrationForms(forms, json).load(DemonstrationForms.LOCATION);
    }

    private JsonNode identity(String personalId) throws Exception {
        for (JsonNode identity : listOf(json.readTree(vneidTestIdentities()))) {
            if (identity.get("personalId").asString().equals(personalId)) {
                return identity;
            }
        }
        throw new AssertionError("no test identity " + personalId);
    }

    private static JsonNode listOf(JsonNode root) {
        return root.isArray() ? root : root.get("identities");
    }

    /** Logs the person in through the simulated VNeID (creating their account) and returns the account id. */
    private UUID accountOf(JsonNode identity) throws Exception {
        citizenSession(identity.get("personalId").asString());
        return jdbc.sql("SELECT id FROM citizen_account WHERE full_name = ?").param(identity.get("fullName").asString())
                .query(UUID.class).single();
    }

    @Test
    void aCitizensOwnDataFillsTheCriminalRecordRequestOnce() throws Exception {
        JsonNode an = identity("020085999001");
        UUID account = accountOf(an);
        FormDefinition form = forms.current("1.000001").orElseThrow();

        Map<String, Object> values = filling.prefill(form, Applicant.citizen(account));

        assertThat(values).containsEntry("hoTen", an.get("fullName").asString())
                .containsEntry("soDinhDanh", "020085999001")
                .containsEntry("ngaySinh", an.get("birthDate").asString())
                .containsEntry("gioiTinh", "Nam")
                .containsEntry("dienThoai", an.get("phoneNumber").asString())
                .containsEntry("email", an.get("email").asString())
                .doesNotContainKeys("mucDichSuDung", "loaiPhieu");
        assertThat((String) values.get("noiThuongTru")).containsIgnoringCase("Lạng Sơn");
        assertThat(citizens.profile(account).orElseThrow().personalId()).isEqualTo("020085999001");

        JsonNode bich = identity("020192999002");
        Map<String, Object> hers = filling.prefill(form, Applicant.citizen(accountOf(bich)));
        assertThat(hers).containsEntry("gioiTinh", "Nữ").containsEntry("hoTen", bich.get("fullName").asString());
        // nested groups are pre-filled by path
        Map<String, Object> birth = filling.prefill(forms.current("1.000003").orElseThrow(), Applicant.citizen(account));
        assertThat(birth).containsEntry("nguoiYeuCau.hoTen", an.get("fullName").asString())
                .containsEntry("nguoiYeuCau.soDinhDanh", "020085999001");
    }

    @Test
    void aBusinessRepresentativeGetsTheBusinessFromTheRegistryAndOthersAreRefused() throws Exception {
        JsonNode bich = identity("020192999002");
        String taxCode = bich.get("business").get("taxCode").asString();
        UUID account = accountOf(bich);
        FormDefinition form = forms.publish("9.000101", LocalDate.of(2025, 1, 1), json.readTree("""
                {"title": "Đơn đề nghị thử của doanh nghiệp", "type": "object",
                 "properties": {
                   "maSoThue": {"type": "string", "title": "Mã số thuế", "format": "tax-code", "x-prefill": "business.taxCode"},
                   "tenDoanhNghiep": {"type": "string", "title": "Tên doanh nghiệp", "x-prefill": "business.name"},
                   "diaChiTruSo": {"type": "string", "title": "Địa chỉ trụ sở", "x-prefill": "business.address"},
                   "dienThoaiDoanhNghiep": {"type": "string", "title": "Điện thoại", "x-prefill": "business.phone"},
                   "emailDoanhNghiep": {"type": "string", "title": "Thư điện tử", "x-prefill": "business.email"},
                   "nguoiDaiDien": {"type": "string", "title": "Người đại diện theo pháp luật", "x-prefill": "business.representative"},
                   "nguoiNop": {"type": "string", "title": "Người nộp", "x-prefill": "applicant.fullName"}
                 }}"""), "test");
        try (BusinessRegistryServer registry = new BusinessRegistryServer().with(taxCode, """
                {"notice": "Dữ liệu mô phỏng", "taxCode": "%s", "name": "Công ty TNHH Thương mại Hoa Hồi Xứ Lạng",
                 "type": "Công ty TNHH một thành viên", "status": "active", "registeredOn": "2018-06-01",
                 "headOffice": {"streetAddress": "Số 20 đường Trần Đăng Ninh", "commune": "Phường Kỳ Lừa", "communeCode": "06187",
                                "province": "Tỉnh Lạng Sơn"},
                 "phoneNumber": "02053999002", "email": "hoahoi@example.vn",
                 "legalRepresentatives": [{"personalId": "020070000001", "fullName": "Lý Văn Thắng", "position": "Chủ tịch"},
                                          {"personalId": "020192999002", "fullName": "Hoàng Thị Bích", "position": "Giám đốc"}]}"""
                .formatted(taxCode))) {
            FillingForms withRegistry = new FillingForms(citizens, population, registry.client(), papers, "000.00.00.H20");

            Map<String, Object> values = withRegistry.prefill(form, new Applicant(account, taxCode));

            assertThat(values).containsEntry("maSoThue", taxCode)
                    .containsEntry("tenDoanhNghiep", "Công ty TNHH Thương mại Hoa Hồi Xứ Lạng")
                    .containsEntry("diaChiTruSo", "Số 20 đường Trần Đăng Ninh, Phường Kỳ Lừa, Tỉnh Lạng Sơn")
                    .containsEntry("dienThoaiDoanhNghiep", "02053999002")
                    .containsEntry("emailDoanhNghiep", "hoahoi@example.vn")
                    .containsEntry("nguoiDaiDien", "Hoàng Thị Bích") // the applicant, being one of the representatives
                    .containsEntry("nguoiNop", bich.get("fullName").asString());
            assertThat(validation.validate(form, json.valueToTree(values))).isEmpty();

            assertThatThrownBy(() -> withRegistry.prefill(form, new Applicant(account, "0100109106")))
                    .isInstanceOf(NotARepresentative.class)
                    .hasMessageContaining("0100109106").hasMessageContaining("không phải người đại diện");
            UUID an = accountOf(identity("020085999001"));
            assertThatThrownBy(() -> withRegistry.prefill(form, new Applicant(an, taxCode)))
                    .isInstanceOf(NotARepresentative.class).hasMessageContaining(taxCode);
        }
        // a registry that does not answer leaves the business's fields to the citizen, the tax code stays
        BusinessRegistryServer stopped = new BusinessRegistryServer();
        stopped.close();
        Map<String, Object> without = new FillingForms(citizens, population, stopped.client(), papers, "000.00.00.H20")
                .prefill(form, new Applicant(account, taxCode));
        assertThat(without).containsEntry("maSoThue", taxCode).containsEntry("nguoiNop", bich.get("fullName").asString())
                .doesNotContainKeys("tenDoanhNghiep", "nguoiDaiDien");
    }

    @Test
    void theConfiguredAdaptersReachTheNationalSimulator() throws Exception {
        vn.gov.egov.population.Resident an = population.find(
                vn.gov.egov.personaldata.PersonalIdentificationNumber.of("020085999001"), "000.00.00.H20").orElseThrow();
        assertThat(an.ethnicity()).isEqualTo("Kinh");
        assertThat(population.find(vn.gov.egov.personaldata.PersonalIdentificationNumber.of("020085000000"), "000.00.00.H20")).isEmpty();
        Map<String, Object> values = filling.prefill(forms.current("1.000001").orElseThrow(), Applicant.citizen(accountOf(identity("020085999001"))));
        assertThat(values).containsEntry("noiThuongTru", an.permanentAddress().line());

        JsonNode bich = identity("020192999002");
        String taxCode = bich.get("business").get("taxCode").asString();
        FormDefinition form = forms.publish("9.000102", LocalDate.of(2025, 1, 1), json.readTree("""
                {"title": "Đơn thử của doanh nghiệp", "type": "object", "properties": {
                   "tenDoanhNghiep": {"type": "string", "title": "Tên doanh nghiệp", "x-prefill": "business.name"},
                   "nguoiDaiDien": {"type": "string", "title": "Người đại diện", "x-prefill": "business.representative"}}}"""), "test");
        assertThat(filling.prefill(form, new Applicant(accountOf(bich), taxCode)))
                .containsEntry("tenDoanhNghiep", bich.get("business").get("name").asString())
                .containsEntry("nguoiDaiDien", bich.get("fullName").asString());
    }

    @Test
    void aPopulationDatabaseThatDoesNotAnswerLeavesTheVneidData() throws Exception {
        JsonNode an = identity("020085999001");
        UUID account = accountOf(an);
        PopulationDatabase down = (id, agency) -> {
            throw new PopulationDatabaseUnavailable("thử", null);
        };
        Map<String, Object> values = new FillingForms(citizens, down, t -> Optional.empty(), papers, "000.00.00.H20")
                .prefill(forms.current("1.000001").orElseThrow(), Applicant.citizen(account));
        assertThat(values).containsEntry("hoTen", an.get("fullName").asString()).containsKey("noiThuongTru");
    }

    @Test
    void aPostedFormReadsIntoTheSchemaTypesAndTheValidatorNamesWhatIsWrong() {
        FormDefinition form = forms.current("1.000001").orElseThrow();
        Map<String, List<String>> post = new LinkedHashMap<>();
        post.put("hoTen", List.of("  Nguyễn Văn An "));
        post.put("soDinhDanh", List.of("020085999001"));
        post.put("ngaySinh", List.of("1985-03-12"));
        post.put("gioiTinh", List.of("Nam"));
        post.put("noiThuongTru", List.of("Số 12, Phường Đông Kinh, tỉnh Lạng Sơn"));
        post.put("dienThoai", List.of("0912999001"));
        post.put("email", List.of(""));
        post.put("loaiPhieu", List.of("2"));
        post.put("mucDichSuDung", List.of("Xin việc"));
        post.put("soLuongPhieu", List.of("hai"));
        post.put("yeuCauXacNhanCuTru", List.of("true"));
        post.put("_csrf", List.of("abc"));
        post.put("khongCo", List.of("bỏ qua"));

        JsonNode filled = filling.fromFormFields(form, post);

        assertThat(filled.get("hoTen").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(filled.get("loaiPhieu").isIntegralNumber()).isTrue();
        assertThat(filled.get("loaiPhieu").asInt()).isEqualTo(2);
        assertThat(filled.get("yeuCauXacNhanCuTru").isBoolean()).isTrue();
        assertThat(filled.get("soLuongPhieu").asString()).isEqualTo("hai");
        assertThat(filled.has("email")).as("an empty field is not filled").isFalse();
        assertThat(filled.has("_csrf")).isFalse();
        assertThat(filled.has("khongCo")).isFalse();

        List<FieldError> errors = validation.validate(form, filled);
        assertThat(errors).extracting(FieldError::path, FieldError::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("soLuongPhieu", "type"),
                        org.assertj.core.groups.Tuple.tuple("noiCuTruDeXacNhan", "required"));
        assertThat(errors).extracting(FieldError::message).anyMatch(m -> m.contains("Số lượng Phiếu lý lịch tư pháp"))
                .anyMatch(m -> m.contains("Nơi cư trú cần xác nhận"));

        // an unticked checkbox is not sent: it reads as "no", and the conditional field is no longer required
        post.remove("yeuCauXacNhanCuTru");
        post.put("soLuongPhieu", List.of("2"));
        JsonNode corrected = filling.fromFormFields(form, post);
        assertThat(corrected.get("yeuCauXacNhanCuTru").asBoolean()).isFalse();
        assertThat(validation.validate(form, corrected)).isEmpty();
    }

    @Test
    void rowsOfAListCloseUpAfterARemovedRowAndNestedGroupsReadBack() {
        FormDefinition marriage = forms.current("1.000004").orElseThrow();
        Map<String, List<String>> post = new LinkedHashMap<>();
        post.put("ben[0].hoTen", List.of("Nguyễn Văn An"));
        post.put("ben[0].ngaySinh", List.of("1985-03-12"));
        post.put("ben[0].soDinhDanh", List.of("020085999001"));
        post.put("ben[0].noiCuTru", List.of("Phường Đông Kinh"));
        post.put("ben[0].lanKetHon", List.of("1"));
        post.put("ben[2].hoTen", List.of("Hoàng Thị Bích"));
        post.put("ben[2].ngaySinh", List.of("1992-07-25"));
        post.put("ben[2].soDinhDanh", List.of("020192999002"));
        post.put("ben[2].noiCuTru", List.of("Phường Kỳ Lừa"));
        post.put("dienThoai", List.of("0912999001"));

        JsonNode filled = filling.fromFormFields(marriage, post);

        assertThat(filled.get("ben")).hasSize(2);
        assertThat(filled.get("ben").get(1).get("hoTen").asString()).isEqualTo("Hoàng Thị Bích");
        assertThat(filled.get("ben").get(0).get("lanKetHon").asInt()).isEqualTo(1);
        assertThat(validation.validate(marriage, filled)).isEmpty();

        post.remove("ben[2].noiCuTru");
        assertThat(validation.validate(marriage, filling.fromFormFields(marriage, post)))
                .extracting(FieldError::path).containsExactly("ben[1].noiCuTru");

        FormDefinition birth = forms.current("1.000003").orElseThrow();
        JsonNode nested = filling.fromFormFields(birth, Map.of("nguoiYeuCau.hoTen", List.of("Nguyễn Văn An"),
                "nguoiYeuCau.quanHe", List.of("Cha")));
        assertThat(nested.get("nguoiYeuCau").get("quanHe").asString()).isEqualTo("Cha");
        assertThat(validation.validate(birth, nested)).extracting(FieldError::path).contains("nguoiYeuCau.soDinhDanh", "hoTenTre");
    }

    private Document render(FormDefinition form, Object values, List<FieldError> errors) {
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/thu");
        WebContext web = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse()), Locale.forLanguageTag("vi"));
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        web.setVariable("form", form);
        web.setVariable("values", values);
        web.setVariable("errors", errors);
        return Jsoup.parse(templates.process("eform-test/fields-page", web));
    }

    @Test
    void theFieldsShowEveryLabelTheValuesAndEachErrorAtItsField() {
        FormDefinition form = forms.current("1.000001").orElseThrow();
        List<FieldError> errors = validation.validate(form, json.readTree("""
                {"hoTen": "A", "soLuongPhieu": "hai", "gioiTinh": "Nam", "yeuCauXacNhanCuTru": true}"""));

        Document page = render(form, json.readTree("{\"hoTen\": \"A\", \"gioiTinh\": \"Nam\", \"yeuCauXacNhanCuTru\": true}"), errors);

        for (Map.Entry<String, JsonNode> property : form.schema().get("properties").properties()) {
            String title = property.getValue().get("title").asString();
            assertThat(page.select("label, legend").eachText()).as(title).anyMatch(text -> text.startsWith(title));
        }
        assertThat(page.select("fieldset.eform-group > legend").eachText()).containsExactly("Thông tin người yêu cầu", "Nội dung yêu cầu");
        Element name = page.getElementById("ef-hoTen");
        assertThat(name.attr("name")).isEqualTo("hoTen");
        assertThat(name.val()).isEqualTo("A");
        assertThat(name.attr("aria-invalid")).isEqualTo("true");
        Element nameError = page.getElementById(name.attr("aria-describedby"));
        assertThat(nameError.text()).contains("Họ và tên").contains("ít nhất 2 ký tự");
        assertThat(page.select("label[for=ef-hoTen]").text()).contains("Họ và tên").contains("(bắt buộc)");
        assertThat(page.getElementById("ef-ngaySinh").attr("type")).isEqualTo("date");
        assertThat(page.getElementById("ef-soLuongPhieu").attr("type")).isEqualTo("number");
        assertThat(page.getElementById("ef-mucDichSuDung").tagName()).isEqualTo("textarea");
        assertThat(page.select("input[name=gioiTinh][type=radio]")).hasSize(2);
        assertThat(page.select("input[name=gioiTinh][checked]").attr("value")).isEqualTo("Nam");
        assertThat(page.getElementById("ef-yeuCauXacNhanCuTru").hasAttr("checked")).isTrue();
        Element loaiPhieu = page.getElementById("ef-loaiPhieu");
        assertThat(loaiPhieu.tagName()).isEqualTo("fieldset");
        assertThat(page.getElementById(page.getElementById("ef-loaiPhieu-0").attr("aria-describedby").split(" ")[0]).text())
                .isEqualTo("Phiếu số 1 hoặc Phiếu số 2.");
        assertThat(page.select("label[for=ef-loaiPhieu-1]").text()).as("an option shown by its title (x-enumTitles)").isEqualTo("Phiếu số 2");
        assertThat(page.getElementById("ef-loaiPhieu-1").attr("value")).isEqualTo("2");
        // the conditional field carries its condition; the server still decides
        Element conditional = page.getElementById("ef-noiCuTruDeXacNhan").parent();
        assertThat(conditional.attr("data-show-when")).contains("yeuCauXacNhanCuTru").contains("true");
        assertThat(page.getElementById("eform-errors").select("a").eachAttr("href")).contains("#ef-hoTen", "#ef-soLuongPhieu",
                "#ef-noiCuTruDeXacNhan");
        assertThat(page.select("script[src]").attr("src")).endsWith("/js/eform.js");

        // pre-filled values come flat, by path; list rows get add and remove buttons
        Document birth = render(forms.current("1.000003").orElseThrow(), Map.of("nguoiYeuCau.hoTen", "Nguyễn Văn An"), null);
        assertThat(birth.getElementById("ef-nguoiYeuCau-hoTen").val()).isEqualTo("Nguyễn Văn An");
        assertThat(birth.getElementById("ef-nguoiYeuCau-quanHe").tagName()).isEqualTo("select");
        assertThat(birth.getElementById("eform-errors")).isNull();
        Document marriage = render(forms.current("1.000004").orElseThrow(), null, List.of());
        assertThat(marriage.select("fieldset.eform-row")).hasSize(2 + 1); // minItems rows, and the template's
        assertThat(marriage.select("input[name='ben[1].hoTen']")).hasSize(1);
        assertThat(marriage.select("template").html()).contains("ben[__i__].hoTen");
        assertThat(marriage.select("button.eform-add").text()).isEqualTo("Thêm Một bên");
    }

    @Test
    void theFilledFormPrintsWithItsVietnameseLabelsValuesAndDossierCode() throws IOException {
        FormDefinition form = forms.current("1.000001").orElseThrow();
        JsonNode filled = json.readTree("""
                {"hoTen": "Nguyễn Văn An", "soDinhDanh": "020085999001", "ngaySinh": "1985-03-12", "gioiTinh": "Nam",
                 "noiThuongTru": "Số 12, ngõ 3 phố Mô Phỏng, Phường Đông Kinh, tỉnh Lạng Sơn", "dienThoai": "0912999001",
                 "loaiPhieu": 1, "mucDichSuDung": "Bổ sung hồ sơ xin việc", "soLuongPhieu": 2, "yeuCauXacNhanCuTru": false}""");

        byte[] pdf = filling.pdf(form, filled, "000.00.10.H20-261127-0001");

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP")
                    .contains("Thông tin người yêu cầu").contains("Họ và tên").contains("Nguyễn Văn An")
                    .contains("Ngày sinh").contains("12/03/1985").contains("Giới tính").contains("Nam")
                    .contains("Mục đích sử dụng Phiếu lý lịch tư pháp").contains("Bổ sung hồ sơ xin việc")
                    .contains("Yêu cầu xác nhận về việc cư trú").contains("Không")
                    .contains("000.00.10.H20-261127-0001").contains("NGƯỜI KHAI");
            assertThat(text.indexOf("Họ và tên")).isLessThan(text.indexOf("Số định danh cá nhân"));
            assertThat(text.indexOf("Số định danh cá nhân")).isLessThan(text.indexOf("Loại phiếu yêu cầu cấp"));
        }
        try (PDDocument document = Loader.loadPDF(filling.pdf(forms.current("1.000004").orElseThrow(), json.readTree("""
                {"ben": [{"hoTen": "Nguyễn Văn An", "ngaySinh": "1985-03-12", "soDinhDanh": "020085999001", "noiCuTru": "Đông Kinh"},
                         {"hoTen": "Hoàng Thị Bích", "ngaySinh": "1992-07-25", "soDinhDanh": "020192999002", "noiCuTru": "Kỳ Lừa"}],
                 "dienThoai": "0912999001"}"""), null))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Hai bên nam, nữ").contains("Hoàng Thị Bích").contains("25/07/1992").doesNotContain("Mã hồ sơ");
        }
    }
}
