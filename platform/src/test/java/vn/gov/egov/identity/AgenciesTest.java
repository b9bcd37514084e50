package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.gov.egov.catalog.CatalogDefinition;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.EntryPage;
import vn.gov.egov.catalog.EntryQuery;
import vn.gov.egov.catalog.Lineage;
import vn.gov.egov.catalog.SharedCatalogs;

/** An agency administrator's scope is their agency with every unit below it, as the agencies catalog stands today. */
class AgenciesTest {

    private final Agencies agencies = new Agencies(new Catalog(List.of(
            entry("UBND-20", null), entry("SO-TP", "UBND-20"), entry("SO-XD", "UBND-20"),
            entry("SO-XD.QH", "SO-XD"), entry("SO-XD.QH.1", "SO-XD.QH"))));

    @Test
    void aUnitTwoLevelsBelowAnAgencyIsWithinIt() {
        assertThat(agencies.within("SO-XD.QH.1", "SO-XD")).isTrue();
        assertThat(agencies.within("SO-XD", "SO-XD")).isTrue();
        assertThat(agencies.within("SO-XD.QH.1", "UBND-20")).isTrue();
    }

    @Test
    void aSiblingOrAParentIsNotWithinAnAgency() {
        assertThat(agencies.within("SO-TP", "SO-XD")).isFalse();
        assertThat(agencies.within("UBND-20", "SO-XD")).isFalse();
        assertThat(agencies.within("SO-KHONG-CO", "SO-XD")).isFalse();
    }

    @Test
    void theSubtreesOfSeveralAgenciesHoldThemAndTheirUnits() {
        assertThat(agencies.subtrees(List.of("SO-XD", "SO-TP"))).containsExactlyInAnyOrder("SO-TP", "SO-XD", "SO-XD.QH", "SO-XD.QH.1");
    }

    private static CatalogEntry entry(String code, String parent) {
        return new CatalogEntry("agencies", code, "Đơn vị " + code, null, parent, LocalDate.of(2023, 1, 1), null, null);
    }

    private record Catalog(List<CatalogEntry> entries) implements SharedCatalogs {

        @Override
        public List<CatalogDefinition> catalogs() {
            return List.of();
        }

        @Override
        public Optional<CatalogDefinition> catalog(String catalog) {
            return Optional.empty();
        }

        @Override
        public Optional<CatalogEntry> entry(String catalog, String code, LocalDate asOf) {
            return entries.stream().filter(e -> e.code().equals(code)).findFirst();
        }

        @Override
        public EntryPage entries(String catalog, EntryQuery query) {
            return new EntryPage(catalog, query.asOf(), entries.size(), 0, entries.size(), entries);
        }

        @Override
        public List<CatalogEntry> versions(String catalog, String code) {
            return List.of();
        }

        @Override
        public Optional<Lineage> lineage(String catalog, String code, LocalDate asOf) {
            return Optional.empty();
        }

        @Override
        public long revision(String catalog) {
            return 1;
        }
    }
}
