package vn.gov.egov.statistics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.EntryQuery;
import vn.gov.egov.catalog.SharedCatalogs;

/** Names of agencies, fields and procedures today, and the agency tree (for scoping an agency's officials). */
@Component
class StatisticsNames {

    static final String AGENCIES = "agencies";
    static final String FIELDS = "procedure-fields";

    private record Snapshot(LocalDate day, long agencyRevision, long fieldRevision, Map<String, CatalogEntry> agencies,
                            Map<String, String> fields) {
    }

    private final SharedCatalogs catalogs;
    private final StatisticsStore store;
    private volatile Snapshot snapshot;

    StatisticsNames(SharedCatalogs catalogs, StatisticsStore store) {
        this.catalogs = catalogs;
        this.store = store;
    }

    String agency(String code) {
        CatalogEntry e = current().agencies().get(code);
        return e == null ? code : e.name();
    }

    String field(String code) {
        if (code == null || code.isEmpty()) {
            return "Chưa xác định lĩnh vực";
        }
        return current().fields().getOrDefault(code, code);
    }

    Map<String, String> procedures() {
        return store.procedureNames();
    }

    /** The agencies and every unit below them, today. */
    Set<String> subtrees(Collection<String> roots) {
        Map<String, CatalogEntry> all = current().agencies();
        Set<String> found = new HashSet<>(roots);
        for (CatalogEntry e : all.values()) {
            Set<String> seen = new HashSet<>();
            for (CatalogEntry at = e; at != null && seen.add(at.code()); at = at.parentCode() == null ? null : all.get(at.parentCode())) {
                if (roots.contains(at.code())) {
                    found.add(e.code());
                    break;
                }
            }
        }
        return found;
    }

    /** Agencies of today that receive dossiers, by name: for the public page's explanations. */
    List<CatalogEntry> agencies() {
        return current().agencies().values().stream().sorted(java.util.Comparator.comparing(CatalogEntry::name)).toList();
    }

    private Snapshot current() {
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        long agencyRevision = catalogs.revision(AGENCIES);
        long fieldRevision = catalogs.revision(FIELDS);
        Snapshot s = snapshot;
        if (s == null || !s.day().equals(today) || s.agencyRevision() != agencyRevision || s.fieldRevision() != fieldRevision) {
            Map<String, CatalogEntry> agencies = new HashMap<>();
            catalogs.entries(AGENCIES, EntryQuery.all(today)).items().forEach(e -> agencies.put(e.code(), e));
            Map<String, String> fields = new HashMap<>();
            catalogs.entries(FIELDS, EntryQuery.all(today)).items().forEach(e -> fields.put(e.code(), e.name()));
            s = new Snapshot(today, agencyRevision, fieldRevision, Map.copyOf(agencies), Map.copyOf(fields));
            snapshot = s;
        }
        return s;
    }
}
