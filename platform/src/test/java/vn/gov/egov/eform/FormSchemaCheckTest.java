package vn.gov.egov.eform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FormSchemaCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void broken(String properties, String extra, String... messageParts) {
        String schema = "{\"title\": \"Biểu mẫu\", \"type\": \"object\", \"properties\": " + properties + extra + "}";
        assertThatThrownBy(() -> FormSchemaCheck.check(JSON.readTree(schema))).as(schema)
                .isInstanceOf(InvalidFormSchema.class).hasMessageContainingAll(messageParts);
    }

    @Test
    void aFormOfTheSubsetPasses() {
        assertThatCode(() -> FormSchemaCheck.check(JSON.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Biểu mẫu", "type": "object",
                 "properties": {"a": {"type": "string", "title": "A", "x-layout": {"order": 1, "widget": "textarea"}},
                                "b": {"type": "boolean", "title": "B"}},
                 "required": ["a"], "allOf": [{"if": {"properties": {"b": {"const": true}}}, "then": {"required": ["a"]}}],
                 "x-layout": {"sections": ["Chung"]}}"""))).doesNotThrowAnyException();
    }

    @Test
    void outsideTheSubsetIsRefusedNamingThePlaceAndTheProblem() {
        broken("{\"a\": {\"type\": \"string\"}}", "", "a", "title");
        broken("{\"a\": {\"type\": \"date\", \"title\": \"A\"}}", "", "a", "'type'");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\", \"format\": \"uri\"}}", "", "a", "'format'");
        broken("{\"a\": {\"type\": \"integer\", \"title\": \"A\", \"format\": \"phone\"}}", "", "a", "phone", "integer");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\", \"pattern\": \"[0-9\"}}", "", "a", "pattern");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\", \"minimum\": 1}}", "", "a", "minimum");
        broken("{\"a\": {\"type\": \"integer\", \"title\": \"A\", \"maxLength\": 1}}", "", "a", "maxLength");
        broken("{\"a\": {\"type\": \"integer\", \"title\": \"A\", \"enum\": [\"x\"]}}", "", "a", "enum");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\", \"oneOf\": []}}", "", "a", "oneOf");
        broken("{\"a\": {\"type\": \"array\", \"title\": \"A\"}}", "", "a", "items");
        broken("{\"a\": {\"type\": \"object\", \"title\": \"A\", \"properties\": {\"b\": {\"type\": \"string\"}}}}", "", "a.b", "title");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\"}}", ", \"required\": [\"b\"]", "required", "b");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\"}}",
                ", \"allOf\": [{\"if\": {\"properties\": {\"z\": {\"const\": 1}}}, \"then\": {\"required\": [\"a\"]}}]", "allOf[0]", "z");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\"}}",
                ", \"allOf\": [{\"if\": {\"properties\": {\"a\": {\"const\": \"x\"}}}, \"then\": {\"properties\": {}}}]", "allOf[0]", "then");
        broken("{}", "", "properties");
        assertThatThrownBy(() -> FormSchemaCheck.check(JSON.readTree("{\"type\": \"object\", \"properties\": {}}")))
                .isInstanceOf(InvalidFormSchema.class).hasMessageContaining("title");
    }

    @Test
    void optionTitlesNameEachValueOfTheEnumInOrder() {
        assertThatCode(() -> FormSchemaCheck.check(JSON.readTree("""
                {"title": "Biểu mẫu", "type": "object", "properties": {
                  "loai": {"type": "integer", "title": "Loại", "enum": [1, 2], "x-enumTitles": ["Phiếu số 1", "Phiếu số 2"]}}}""")))
                .doesNotThrowAnyException();
        broken("{\"a\": {\"type\": \"integer\", \"title\": \"A\", \"enum\": [1, 2], \"x-enumTitles\": [\"Một\"]}}", "",
                "a", "x-enumTitles", "2");
        broken("{\"a\": {\"type\": \"string\", \"title\": \"A\", \"x-enumTitles\": [\"Một\"]}}", "", "a", "x-enumTitles", "enum");
        broken("{\"a\": {\"type\": \"integer\", \"title\": \"A\", \"enum\": [1], \"x-enumTitles\": [\" \"]}}", "",
                "a", "x-enumTitles", "không rỗng");
    }

    @Test
    void preFillNamesAKnownSourceOnAStringField() {
        assertThatCode(() -> FormSchemaCheck.check(JSON.readTree("""
                {"title": "Biểu mẫu", "type": "object", "properties": {
                  "hoTen": {"type": "string", "title": "Họ và tên", "x-prefill": "applicant.fullName"},
                  "dn": {"type": "object", "title": "Doanh nghiệp", "properties": {
                    "mst": {"type": "string", "title": "Mã số thuế", "x-prefill": "business.taxCode"}}}}}"""))).doesNotThrowAnyException();
        broken("{\"hoTen\": {\"type\": \"string\", \"title\": \"A\", \"x-prefill\": \"applicant.nickname\"}}", "",
                "hoTen", "x-prefill", "applicant.nickname", "applicant.fullName");
        broken("{\"n\": {\"type\": \"integer\", \"title\": \"A\", \"x-prefill\": \"applicant.phone\"}}", "", "n", "x-prefill", "string");
        broken("{\"n\": {\"type\": \"string\", \"title\": \"A\", \"x-prefill\": true}}", "", "n", "x-prefill");
    }
}
