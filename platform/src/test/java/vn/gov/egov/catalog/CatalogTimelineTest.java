package vn.gov.egov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTimelineTest {

    private static final LocalDate MARCH = LocalDate.parse("2025-03-01");
    private static final LocalDate JULY = LocalDate.parse("2025-07-01");

    @Test
    void aNewVersionFromADateKeepsTheOldOneBeforeIt() {
        CatalogTimeline timeline = new CatalogTimeline(List.of(new CatalogTimeline.Version(7L, entry("05977", "Phường Vĩnh Trại", MARCH, null))));

        assertThat(timeline.put(entry("05977", "Phường Đông Kinh", JULY, null))).isTrue();

        assertThat(timeline.versions("05977")).extracting(CatalogEntry::name, CatalogEntry::validFrom, CatalogEntry::validTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Phường Vĩnh Trại", MARCH, JULY),
                        org.assertj.core.groups.Tuple.tuple("Phường Đông Kinh", JULY, null));
        assertThat(timeline.supersededIds()).containsExactly(7L);
        assertThat(timeline.insertedEntries()).hasSize(2);
    }

    @Test
    void settingWhatIsAlreadySoChangesNothing() {
        CatalogTimeline timeline = new CatalogTimeline(List.of(new CatalogTimeline.Version(1L, entry("20", "Tỉnh Lạng Sơn", MARCH, null))));

        assertThat(timeline.put(entry("20", "Tỉnh Lạng Sơn", JULY, null))).isFalse();
        assertThat(timeline.put(entry("20", "Tỉnh Lạng Sơn", MARCH, null))).isFalse();
        assertThat(timeline.supersededIds()).isEmpty();
        assertThat(timeline.insertedEntries()).isEmpty();
    }

    @Test
    void aCorrectionInsideAPeriodSplitsItInThree() {
        CatalogTimeline timeline = new CatalogTimeline(List.of(new CatalogTimeline.Version(1L, entry("178", "Thành phố Lạng Sơn", MARCH, null))));

        timeline.put(entry("178", "TP Lạng Sơn", LocalDate.parse("2025-04-01"), LocalDate.parse("2025-05-01")));

        assertThat(timeline.versions("178")).extracting(CatalogEntry::name)
                .containsExactly("Thành phố Lạng Sơn", "TP Lạng Sơn", "Thành phố Lạng Sơn");
        assertThat(timeline.covers("178", MARCH, null)).isTrue();
    }

    @Test
    void retiringEndsTheEntryAndLeavesAGapInItsCoverage() {
        CatalogTimeline timeline = new CatalogTimeline(List.of(new CatalogTimeline.Version(1L, entry("178", "Thành phố Lạng Sơn", MARCH, null))));

        assertThat(timeline.retire("178", JULY)).isTrue();
        assertThat(timeline.retire("178", JULY)).isFalse();

        assertThat(timeline.covers("178", MARCH, JULY)).isTrue();
        assertThat(timeline.covers("178", MARCH, JULY.plusDays(1))).isFalse();
        assertThat(timeline.at("178", JULY)).isEmpty();
    }

    private static CatalogEntry entry(String code, String name, LocalDate from, LocalDate to) {
        return new CatalogEntry("admin-units", code, name, null, null, from, to, Map.of());
    }
}
