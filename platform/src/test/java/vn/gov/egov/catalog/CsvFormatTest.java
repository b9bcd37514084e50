package vn.gov.egov.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKeepTheirLine() {
        List<CsvFormat.Record> records = CsvFormat.parse("\uFEFFcode,name\r\n1,\"Lạng Sơn, Việt Nam\"\n2,\"dòng\nhai \"\"trích\"\"\"\n\n3,ba\n");

        assertThat(records).extracting(CsvFormat.Record::line).containsExactly(1, 2, 3, 6);
        assertThat(records.get(1).fields()).containsExactly("1", "Lạng Sơn, Việt Nam");
        assertThat(records.get(2).fields()).containsExactly("2", "dòng\nhai \"trích\"");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheRecordStarted() {
        assertThatThrownBy(() -> CsvFormat.parse("code,name\n1,\"mở\n2,b\n"))
                .isInstanceOfSatisfying(CsvFormat.MalformedCsv.class, e -> assertThat(e.line).isEqualTo(2));
    }

    @Test
    void writtenLinesReadBackTheSame() {
        List<String> values = List.of("05977", "Phường \"Đông\" Kinh, mới", "");
        assertThat(CsvFormat.parse(CsvFormat.line(values)).get(0).fields()).isEqualTo(values);
    }

    @Test
    void searchTextIgnoresDiacriticsAndCase() {
        assertThat(SearchText.fold("Tỉnh LẠNG SƠN – Đồng Đăng")).isEqualTo("tinh lang son dong dang");
        assertThat(SearchText.words("  Lang   son ")).containsExactly("lang", "son");
    }
}
