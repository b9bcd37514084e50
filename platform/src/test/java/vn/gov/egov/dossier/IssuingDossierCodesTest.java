package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;

/** The refusals that need no database: the catalog says the agency cannot receive a code. */
class IssuingDossierCodesTest {

    private final SharedCatalogs catalogs = mock(SharedCatalogs.class);
    private final DossierCodeCounter counter = mock(DossierCodeCounter.class);
    private final IssuingDossierCodes codes = new IssuingDossierCodes(catalogs, counter, mock(PlatformTransactionManager.class));

    @Test
    void anAgencyWithoutQcvn102CodeIsRefusedBeforeAnyNumberIsTaken() {
        when(catalogs.entry(eq("agencies"), eq("TO-MOI"), any())).thenReturn(Optional.of(new CatalogEntry("agencies", "TO-MOI",
                "Tổ công tác mới", null, null, LocalDate.of(2025, 1, 1), null, Map.of("kind", "department"))));
        assertThatThrownBy(() -> codes.next("TO-MOI", Instant.parse("2025-11-27T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TO-MOI").hasMessageContaining("QCVN 102:2016");
        verifyNoInteractions(counter);
    }

    @Test
    void anAgencyTheCatalogDoesNotKnowThatDayIsRefused() {
        when(catalogs.entry(any(), any(), any())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> codes.next("KHONG-CO", Instant.parse("2025-11-27T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KHONG-CO").hasMessageContaining("2025-11-27");
        assertThatThrownBy(() -> codes.next(" ", Instant.parse("2025-11-27T03:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(counter);
    }
}
