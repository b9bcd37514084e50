package vn.gov.egov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSetValidatorTest {

    private static final CatalogDefinition UNITS = new CatalogDefinition("units", "Đơn vị", "Units", null, true, "\\d{2,5}",
            List.of(new AttributeDefinition("level", "Cấp", null, AttributeDefinition.Type.INTEGER, true, null, null, null, false),
                    new AttributeDefinition("qcvn", "Mã", null, AttributeDefinition.Type.STRING, false,
                            "\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}", null, null, true)));

    private final List<CatalogTimeline.Version> existing = new ArrayList<>(List.of(
            version(1, "20", "Tỉnh Lạng Sơn", null, "2025-03-01", null),
            version(2, "178", "Thành phố Lạng Sơn", "20", "2025-03-01", "2025-07-01"),
            version(3, "05971", "Phường Hoàng Văn Thụ", "178", "2025-03-01", "2025-07-01")));

    @Test
    void everyBrokenRuleIsReportedWithItsLineAndField() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null, List.of(
                row(2, "ABC", "Sai mã", null, "2025-03-01", null, "1"),
                row(3, "06001", "", "178", "2025-03-01", null, "3"),
                row(4, "06004", "Xã Quốc Khánh", "999", "2025-03-01", null, "3"),
                row(5, "06007", "Xã A", "178", "01/03/2025", null, "3"),
                row(6, "06010", "Xã B", "178", "2025-06-01", "2025-05-01", "x")));

        List<RowError> errors = validate(change).errors();

        assertThat(errors).extracting(RowError::line, RowError::field, RowError::rule).contains(
                org.assertj.core.groups.Tuple.tuple(2, "code", "pattern"),
                org.assertj.core.groups.Tuple.tuple(3, "name", "required"),
                org.assertj.core.groups.Tuple.tuple(5, "valid_from", "date-format"),
                org.assertj.core.groups.Tuple.tuple(6, "valid_to", "period"),
                org.assertj.core.groups.Tuple.tuple(6, "level", "type"));
    }

    @Test
    void anUnknownParentIsRefused() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null,
                List.of(row(2, "06004", "Xã Quốc Khánh", "999", "2025-03-01", null, "3")));

        assertThat(validate(change).errors()).singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo("unknown-parent"))
                .satisfies(e -> assertThat(e.message()).contains("999"));
    }

    @Test
    void aChildMustNotOutliveItsParent() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null,
                List.of(row(2, "06004", "Xã Quốc Khánh", "178", "2025-03-01", null, "3")));

        assertThat(validate(change).errors()).singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo("parent-not-valid"));
    }

    @Test
    void twoRowsForOneCodeMustNotOverlap() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null, List.of(
                row(2, "06004", "Xã Quốc Khánh", "20", "2025-03-01", "2025-08-01", "3"),
                row(3, "06004", "Xã Quốc Khánh mới", "20", "2025-07-01", null, "2")));

        assertThat(validate(change).errors()).singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo("overlap"))
                .satisfies(e -> assertThat(e.line()).isEqualTo(3))
                .satisfies(e -> assertThat(e.message()).contains("dòng 2"));
    }

    @Test
    void retiringAParentThatStillHasChildrenIsRefusedAsOrphaning() {
        ChangeSet change = new ChangeSet("units", ChangeSet.Kind.RETIRE, "test", null, null, List.of(),
                List.of(new ChangeSet.Retirement(1, "178", LocalDate.parse("2025-05-01"))), List.of());

        assertThat(validate(change).errors()).singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo("orphan"))
                .satisfies(e -> assertThat(e.message()).contains("05971"));
    }

    @Test
    void moveTheChildrenFirstAndTheParentCanBeRetired() {
        ChangeSet change = new ChangeSet("units", ChangeSet.Kind.RETIRE, "test", null, null,
                List.of(row(2, "05971", "Phường Hoàng Văn Thụ", "20", "2025-05-01", "2025-07-01", "2")),
                List.of(new ChangeSet.Retirement(3, "178", LocalDate.parse("2025-05-01"))), List.of());

        ChangeSetValidator.Outcome outcome = validate(change);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.timeline().at("178", LocalDate.parse("2025-05-01"))).isEmpty();
        assertThat(outcome.timeline().at("05971", LocalDate.parse("2025-04-30")).orElseThrow().parentCode()).isEqualTo("178");
        assertThat(outcome.timeline().at("05971", LocalDate.parse("2025-05-01")).orElseThrow().parentCode()).isEqualTo("20");
        assertThat(outcome.timeline().supersededIds()).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void aUniqueAttributeMayNotRepeatAtTheSameTime() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null, List.of(
                row(2, "06004", "Xã A", "20", "2025-03-01", null, "2", "001.00.40.H20"),
                row(3, "06007", "Xã B", "20", "2025-03-01", null, "2", "001.00.40.H20")));

        assertThat(validate(change).errors()).extracting(RowError::rule).contains("unique");
    }

    @Test
    void aParentLoopIsRefused() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.EDIT, "test", null, null,
                List.of(row(2, "20", "Tỉnh Lạng Sơn", "05971", "2025-03-01", "2025-07-01", "1")));

        assertThat(validate(change).errors()).extracting(RowError::rule).contains("cycle");
    }

    @Test
    void aFlatCatalogHasNoParents() {
        CatalogDefinition flat = new CatalogDefinition("flat", "Phẳng", null, null, false, null, List.of());
        ChangeSet change = ChangeSet.of("flat", ChangeSet.Kind.IMPORT, "test", null, null,
                List.of(new EntryRow(2, "A", "Một", null, "B", "2025-01-01", null, Map.of())));

        assertThat(new ChangeSetValidator(flat, (c, code) -> true).validate(change, new CatalogTimeline(List.of())).errors())
                .extracting(RowError::rule).containsExactly("flat-catalog");
    }

    @Test
    void anUnknownAttributeIsNamed() {
        ChangeSet change = ChangeSet.of("units", ChangeSet.Kind.IMPORT, "test", null, null,
                List.of(new EntryRow(2, "06004", "Xã A", null, "20", "2025-03-01", null, Map.of("level", "3", "colour", "red"))));

        assertThat(validate(change).errors()).extracting(RowError::field, RowError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("colour", "unknown-attribute"));
    }

    private ChangeSetValidator.Outcome validate(ChangeSet change) {
        return new ChangeSetValidator(UNITS, (c, code) -> true).validate(change, new CatalogTimeline(existing));
    }

    private static EntryRow row(int line, String code, String name, String parent, String from, String to, String level) {
        return new EntryRow(line, code, name, null, parent, from, to, Map.of("level", level));
    }

    private static EntryRow row(int line, String code, String name, String parent, String from, String to, String level, String qcvn) {
        return new EntryRow(line, code, name, null, parent, from, to, Map.of("level", level, "qcvn", qcvn));
    }

    private static CatalogTimeline.Version version(long id, String code, String name, String parent, String from, String to) {
        return new CatalogTimeline.Version(id, new CatalogEntry("units", code, name, null, parent, LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), Map.of("level", "1")));
    }
}
