package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WrittenFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FormDefinition FORM = new FormDefinition("1.000001", 3, LocalDate.of(2026, 1, 1), JSON.readTree("""
            {"title": "Tờ khai", "type": "object", "x-layout": {"sections": ["Người yêu cầu", "Nội dung"]},
             "properties": {
               "hoTen": {"type": "string", "title": "Họ và tên", "x-layout": {"order": 1, "group": "Người yêu cầu"}},
               "ngaySinh": {"type": "string", "title": "Ngày sinh", "format": "date", "x-layout": {"order": 2, "group": "Người yêu cầu"}},
               "ghiChu": {"type": "string", "title": "Ghi chú", "x-layout": {"order": 3, "group": "Người yêu cầu"}},
               "loaiPhieu": {"type": "integer", "title": "Loại phiếu", "enum": [1, 2], "x-enumTitles": ["Phiếu số 1", "Phiếu số 2"],
                             "x-layout": {"order": 4, "group": "Nội dung"}},
               "quanHe": {"type": "string", "title": "Quan hệ", "enum": ["Cha", "Mẹ", "Ông", "Bà"], "x-layout": {"order": 5, "group": "Nội dung"}},
               "von": {"type": "integer", "title": "Vốn", "format": "amount-vnd", "x-layout": {"order": 6, "group": "Nội dung"}},
               "dongY": {"type": "boolean", "title": "Đồng ý", "x-layout": {"order": 7, "group": "Nội dung"}},
               "thanhVien": {"type": "array", "title": "Thành viên", "x-layout": {"order": 8, "group": "Nội dung"},
                 "items": {"type": "object", "title": "Thành viên", "properties": {"ten": {"type": "string", "title": "Tên"}}}}
             }}"""), false, "test", Instant.EPOCH);

    private static List<FormLine> lines(String filled) {
        FormSchemaCheck.check(FORM.schema());
        return WrittenForm.lines(new FormRendering(JSON).view(FORM, JSON.readTree(filled), List.of()));
    }

    @Test
    void aFilledFormReadsAsAPersonWritesIt() {
        assertThat(lines("""
                {"hoTen": "Nguyễn Văn An", "ngaySinh": "1985-03-12", "loaiPhieu": 2, "quanHe": "Mẹ", "von": 150000000, "dongY": true,
                 "thanhVien": [{"ten": "Lê Thị Bình"}, {"ten": "Lê Văn Cường"}]}""")).containsExactly(
                new FormLine("Người yêu cầu", "", 0),
                new FormLine("Họ và tên", "Nguyễn Văn An", 1),
                new FormLine("Ngày sinh", "12/03/1985", 1),
                new FormLine("Nội dung", "", 0),
                new FormLine("Loại phiếu", "Phiếu số 2", 1),
                new FormLine("Quan hệ", "Mẹ", 1),
                new FormLine("Vốn", "150.000.000", 1),
                new FormLine("Đồng ý", "Có", 1),
                new FormLine("Thành viên 1", "", 1),
                new FormLine("Tên", "Lê Thị Bình", 2),
                new FormLine("Thành viên 2", "", 1),
                new FormLine("Tên", "Lê Văn Cường", 2));
    }

    @Test
    void fieldsLeftEmptyAndGroupsWithoutAnyAreLeftOut() {
        assertThat(lines("{\"hoTen\": \"An\", \"ghiChu\": \"\"}")).containsExactly(
                new FormLine("Người yêu cầu", "", 0), new FormLine("Họ và tên", "An", 1));
    }
}
