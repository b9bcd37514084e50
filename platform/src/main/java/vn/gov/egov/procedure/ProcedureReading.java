package vn.gov.egov.procedure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;

/** Reads procedures, naming their fields and agencies from the shared catalogs. */
@Service
class ProcedureReading implements Procedures {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ProcedureStore store;
    private final SharedCatalogs catalogs;

    ProcedureReading(ProcedureStore store, SharedCatalogs catalogs) {
        this.store = store;
        this.catalogs = catalogs;
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    @Override
    public Optional<Procedure> find(String code, LocalDate asOf) {
        return store.find(code, asOf);
    }

    @Override
    public ProcedurePage search(ProcedureQuery query) {
        ProcedureStore.Found found = store.search(query);
        List<ProcedureSummary> items = found.items().stream().map(p -> new ProcedureSummary(p.code(), p.sampleCode(), p.name(),
                p.fieldCode(), name(ImportingProcedures.FIELDS, p.fieldCode(), query.asOf()), p.level(), p.competentAgency(),
                p.implementingAgencies(), p.onlineLevel(), p.processingTime(), p.demonstration())).toList();
        return new ProcedurePage(query.asOf(), found.total(), query.page(), query.size(), items);
    }

    @Override
    public List<Procedure> versions(String code) {
        return store.versions(code);
    }

    List<String> agenciesInUse(LocalDate asOf) {
        return store.agenciesInUse(asOf);
    }

    /** The name on a date, or the last name it had (a district agency after 2025-07-01), or the code itself. */
    String name(String catalog, String code, LocalDate asOf) {
        if (code == null) {
            return null;
        }
        return catalogs.entry(catalog, code, asOf).map(CatalogEntry::name)
                .or(() -> catalogs.versions(catalog, code).stream().reduce((a, b) -> b).map(CatalogEntry::name))
                .orElse(code);
    }
}
