package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode SCHEMA = JSON.readTree("""
            {"title": "Biểu mẫu thử", "type": "object",
             "properties": {
               "hoTen": {"type": "string", "title": "Họ và tên", "minLength": 2, "maxLength": 10},
               "maNganh": {"type": "string", "title": "Mã ngành", "pattern": "^[0-9]{4}$"},
               "gioiTinh": {"type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"]},
               "loaiPhieu": {"type": "integer", "title": "Loại phiếu", "enum": [1, 2], "x-enumTitles": ["Phiếu số 1", "Phiếu số 2"]},
               "soLuong": {"type": "integer", "title": "Số lượng phiếu", "minimum": 1, "maximum": 10},
               "tyLe": {"type": "number", "title": "Tỷ lệ", "minimum": 0, "maximum": 1.5},
               "dongY": {"type": "boolean", "title": "Đồng ý"},
               "ngaySinh": {"type": "string", "title": "Ngày sinh", "format": "date"},
               "email": {"type": "string", "title": "Thư điện tử", "format": "email"},
               "soDinhDanh": {"type": "string", "title": "Số định danh cá nhân", "format": "personal-id"},
               "dienThoai": {"type": "string", "title": "Điện thoại", "format": "phone"},
               "maSoThue": {"type": "string", "title": "Mã số thuế", "format": "tax-code"},
               "von": {"type": "integer", "title": "Vốn kinh doanh", "format": "amount-vnd"},
               "laDoanhNghiep": {"type": "boolean", "title": "Người nộp là hộ kinh doanh"},
               "tenHoKinhDoanh": {"type": "string", "title": "Tên hộ kinh doanh"},
               "diaChi": {"type": "object", "title": "Địa chỉ",
                 "properties": {"xa": {"type": "string", "title": "Xã, phường"}, "thon": {"type": "string", "title": "Thôn"}},
                 "required": ["xa"]},
               "thanhVien": {"type": "array", "title": "Thành viên", "maxItems": 2,
                 "items": {"type": "object", "properties": {"ten": {"type": "string", "title": "Tên thành viên"}},
                           "required": ["ten"]}}
             },
             "required": ["hoTen"],
             "allOf": [{"if": {"properties": {"laDoanhNghiep": {"const": true}}, "required": ["laDoanhNghiep"]},
                        "then": {"required": ["tenHoKinhDoanh", "maSoThue"]}}]}
            """);

    private static List<FieldError> validate(String filled) {
        FormSchemaCheck.check(SCHEMA);
        return FormValidator.validate(SCHEMA, JSON.readTree(filled));
    }

    private static void refused(String filled, String path, String rule, String... messageParts) {
        List<FieldError> errors = validate(filled);
        assertThat(errors).as(filled).hasSize(1);
        FieldError error = errors.get(0);
        assertThat(error.path()).isEqualTo(path);
        assertThat(error.rule()).isEqualTo(rule);
        assertThat(error.message()).contains(messageParts);
    }

    @Test
    void aCompleteGoodFormHasNoErrors() {
        assertThat(validate("""
                {"hoTen": "Nguyễn An", "maNganh": "4711", "gioiTinh": "Nữ", "soLuong": 10, "tyLe": 1.5, "dongY": false,
                 "ngaySinh": "1985-03-12", "email": "an@example.vn", "soDinhDanh": "020085999001",
                 "dienThoai": "0912999001", "maSoThue": "0100109106", "von": 150000000, "laDoanhNghiep": true,
                 "tenHoKinhDoanh": "Hộ kinh doanh An", "diaChi": {"xa": "Phường Đông Kinh"},
                 "thanhVien": [{"ten": "Bình"}, {"ten": "Chi"}]}
                """)).isEmpty();
        assertThat(validate("{\"hoTen\": \"An\", \"soLuong\": 1, \"tyLe\": 0, \"von\": 0}")).isEmpty();
    }

    @Test
    void requiredFieldsAreNamedByTheirLabel() {
        refused("{}", "hoTen", "required", "\"Họ và tên\"", "bắt buộc");
        refused("{\"hoTen\": null}", "hoTen", "required", "Họ và tên");
        refused("{\"hoTen\": \"  \"}", "hoTen", "required", "Họ và tên");
    }

    @Test
    void types() {
        refused("{\"hoTen\": 12}", "hoTen", "type", "Họ và tên", "chuỗi ký tự");
        refused("{\"hoTen\": \"An\", \"soLuong\": 2.5}", "soLuong", "type", "Số lượng phiếu", "số nguyên");
        refused("{\"hoTen\": \"An\", \"soLuong\": \"3\"}", "soLuong", "type", "số nguyên");
        refused("{\"hoTen\": \"An\", \"tyLe\": \"0.5\"}", "tyLe", "type", "Tỷ lệ", "là số");
        refused("{\"hoTen\": \"An\", \"dongY\": \"có\"}", "dongY", "type", "Đồng ý", "đúng/sai");
        refused("{\"hoTen\": \"An\", \"diaChi\": \"Lạng Sơn\"}", "diaChi", "type", "Địa chỉ", "nhóm thông tin");
        refused("{\"hoTen\": \"An\", \"thanhVien\": {}}", "thanhVien", "type", "Thành viên", "danh sách");
        assertThat(validate("{\"hoTen\": \"An\", \"soLuong\": 3.0}")).isEmpty();
        assertThat(validate("[]")).extracting(FieldError::rule).containsExactly("type");
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        refused("{\"hoTen\": \"A\"}", "hoTen", "minLength", "Họ và tên", "ít nhất 2 ký tự");
        refused("{\"hoTen\": \"Nguyễn Văn An\"}", "hoTen", "maxLength", "Họ và tên", "tối đa 10 ký tự");
        assertThat(validate("{\"hoTen\": \"Đỗ Thị Ấn\"}")).isEmpty(); // 9 characters, more bytes
    }

    @Test
    void patternEnumMinimumMaximum() {
        refused("{\"hoTen\": \"An\", \"maNganh\": \"47A1\"}", "maNganh", "pattern", "Mã ngành", "định dạng");
        refused("{\"hoTen\": \"An\", \"gioiTinh\": \"nam\"}", "gioiTinh", "enum", "Giới tính", "Nam", "Nữ");
        refused("{\"hoTen\": \"An\", \"loaiPhieu\": 3}", "loaiPhieu", "enum", "Loại phiếu", "\u201cPhiếu số 1\u201d, \u201cPhiếu số 2\u201d");
        refused("{\"hoTen\": \"An\", \"soLuong\": 0}", "soLuong", "minimum", "Số lượng phiếu", "không được nhỏ hơn 1");
        refused("{\"hoTen\": \"An\", \"soLuong\": 11}", "soLuong", "maximum", "Số lượng phiếu", "không được lớn hơn 10");
        refused("{\"hoTen\": \"An\", \"tyLe\": 1.51}", "tyLe", "maximum", "Tỷ lệ", "1.5");
        refused("{\"hoTen\": \"An\", \"tyLe\": -0.1}", "tyLe", "minimum", "Tỷ lệ");
    }

    @Test
    void dateAndEmail() {
        refused("{\"hoTen\": \"An\", \"ngaySinh\": \"2023-02-29\"}", "ngaySinh", "format", "Ngày sinh", "không phải ngày hợp lệ");
        refused("{\"hoTen\": \"An\", \"ngaySinh\": \"12/03/1985\"}", "ngaySinh", "format", "Ngày sinh");
        assertThat(validate("{\"hoTen\": \"An\", \"ngaySinh\": \"2024-02-29\"}")).isEmpty();
        refused("{\"hoTen\": \"An\", \"email\": \"an@@example\"}", "email", "format", "Thư điện tử");
    }

    @Test
    void personalIdentificationNumbers() {
        assertThat(validate("{\"hoTen\": \"An\", \"soDinhDanh\": \"020085999001\"}")).isEmpty();
        refused("{\"hoTen\": \"An\", \"soDinhDanh\": \"02008599900\"}", "soDinhDanh", "format", "Số định danh cá nhân", "12 chữ số");
        refused("{\"hoTen\": \"An\", \"soDinhDanh\": \"020985999001\"}", "soDinhDanh", "format", "Số định danh cá nhân", "số thứ tư");
        refused("{\"hoTen\": \"An\", \"soDinhDanh\": \"999085999001\"}", "soDinhDanh", "format", "mã tỉnh");
    }

    @Test
    void phoneNumbersAndTaxCodes() {
        assertThat(validate("{\"hoTen\": \"An\", \"dienThoai\": \"02053812345\"}")).isEmpty();
        refused("{\"hoTen\": \"An\", \"dienThoai\": \"12345\"}", "dienThoai", "format", "Điện thoại");
        assertThat(validate("{\"hoTen\": \"An\", \"maSoThue\": \"0314409058-002\"}")).isEmpty();
        refused("{\"hoTen\": \"An\", \"maSoThue\": \"0100109107\"}", "maSoThue", "format", "Mã số thuế");
    }

    @Test
    void amountsAreNonNegativeWholeDong() {
        assertThat(validate("{\"hoTen\": \"An\", \"von\": 2000000000000}")).isEmpty();
        refused("{\"hoTen\": \"An\", \"von\": -1}", "von", "format", "Vốn kinh doanh", "không âm");
        refused("{\"hoTen\": \"An\", \"von\": 1000.5}", "von", "type", "Vốn kinh doanh", "số nguyên");
        refused("{\"hoTen\": \"An\", \"von\": \"1000000\"}", "von", "type", "Vốn kinh doanh");
        JsonNode numberAmount = JSON.readTree("""
                {"title": "t", "type": "object", "properties": {"tien": {"type": "number", "title": "Số tiền", "format": "amount-vnd"}}}""");
        FormSchemaCheck.check(numberAmount);
        assertThat(FormValidator.validate(numberAmount, JSON.readTree("{\"tien\": 10.25}")))
                .extracting(FieldError::rule, FieldError::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("format", "Trường \"Số tiền\": số tiền phải là số nguyên đồng, không âm."));
        assertThat(FormValidator.validate(numberAmount, JSON.readTree("{\"tien\": 10.00}"))).isEmpty();
    }

    @Test
    void conditionalRequiredWhenTheApplicantIsABusiness() {
        List<FieldError> errors = validate("{\"hoTen\": \"An\", \"laDoanhNghiep\": true}");
        assertThat(errors).extracting(FieldError::path, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maSoThue", "required"),
                        org.assertj.core.groups.Tuple.tuple("tenHoKinhDoanh", "required"));
        assertThat(errors.get(1).message()).isEqualTo("Trường \"Tên hộ kinh doanh\" là bắt buộc.");
        assertThat(validate("{\"hoTen\": \"An\", \"laDoanhNghiep\": false}")).isEmpty();
        assertThat(validate("{\"hoTen\": \"An\"}")).isEmpty();
    }

    @Test
    void unknownPropertiesAreRefusedAlsoInsideGroups() {
        refused("{\"hoTen\": \"An\", \"ghiChu\": \"x\"}", "ghiChu", "unknown-property", "ghiChu");
        refused("{\"hoTen\": \"An\", \"diaChi\": {\"xa\": \"X\", \"tinh\": \"Lạng Sơn\"}}", "diaChi.tinh", "unknown-property", "tinh");
    }

    @Test
    void nestedObjectsAndArraysOfObjects() {
        refused("{\"hoTen\": \"An\", \"diaChi\": {\"thon\": \"Nà Chuông\"}}", "diaChi.xa", "required", "Xã, phường");
        refused("{\"hoTen\": \"An\", \"thanhVien\": [{\"ten\": \"B\"}, {}]}", "thanhVien[1].ten", "required", "Tên thành viên");
        refused("{\"hoTen\": \"An\", \"thanhVien\": [{\"ten\": \"B\"}, 3]}", "thanhVien[1]", "type", "Thành viên");
        refused("{\"hoTen\": \"An\", \"thanhVien\": [{\"ten\": \"B\"}, {\"ten\": \"C\"}, {\"ten\": \"D\"}]}",
                "thanhVien", "maxItems", "tối đa 2 mục");
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(validate("{\"soLuong\": 0, \"dienThoai\": \"1\", \"x\": 1}")).extracting(FieldError::path)
                .containsExactlyInAnyOrder("x", "hoTen", "soLuong", "dienThoai");
    }
}
