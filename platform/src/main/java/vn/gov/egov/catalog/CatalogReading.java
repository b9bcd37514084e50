package vn.gov.egov.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
class CatalogReading implements SharedCatalogs {

    /** "Today", for reads without a date, is the date in Vietnam. */
    static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final CatalogStore store;
    private final Clock clock;

    CatalogReading(CatalogStore store) {
        this.store = store;
        this.clock = Clock.system(VIETNAM);
    }

    @Override
    public List<CatalogDefinition> catalogs() {
        return store.catalogs().stream().map(CatalogStore.StoredCatalog::definition).toList();
    }

    @Override
    public Optional<CatalogDefinition> catalog(String catalog) {
        return store.catalog(catalog).map(CatalogStore.StoredCatalog::definition);
    }

    @Override
    public Optional<CatalogEntry> entry(String catalog, String code, LocalDate asOf) {
        return store.entry(catalog, code, asOf);
    }

    @Override
    public EntryPage entries(String catalog, EntryQuery query) {
        return store.entries(catalog, query);
    }

    @Override
    public List<CatalogEntry> versions(String catalog, String code) {
        return store.history(catalog, code).stream()
                .filter(v -> v.supersededBy() == null).map(CatalogStore.VersionRecord::entry).toList();
    }

    @Override
    public Optional<Lineage> lineage(String catalog, String code, LocalDate asOf) {
        Optional<CatalogEntry> start = store.entry(catalog, code, asOf);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        record Trail(String code, LocalDate since, boolean partial, List<Lineage.Step> path) {
        }
        List<Lineage.Successor> current = new ArrayList<>();
        Deque<Trail> open = new ArrayDeque<>(List.of(new Trail(code, asOf, false, List.of())));
        Set<String> visited = new HashSet<>();
        while (!open.isEmpty()) {
            Trail trail = open.pop();
            if (!visited.add(trail.code + "@" + trail.since) || trail.path.size() > 50) {
                continue;
            }
            List<Lineage.Step> next = trail.since.isBefore(today) ? store.successionsAfter(catalog, trail.code, trail.since) : List.of();
            next = next.stream().filter(s -> !s.effectiveDate().isAfter(today)).toList();
            if (next.isEmpty()) {
                store.entry(catalog, trail.code, today)
                        .ifPresent(e -> current.add(new Lineage.Successor(e, trail.partial, trail.path)));
                continue;
            }
            for (Lineage.Step step : next) {
                List<Lineage.Step> path = new ArrayList<>(trail.path);
                path.add(step);
                open.push(new Trail(step.successorCode(), step.effectiveDate(), trail.partial || step.partial(), List.copyOf(path)));
            }
        }
        current.sort(java.util.Comparator.comparing(s -> s.entry().code()));
        return Optional.of(new Lineage(start.get(), today, List.copyOf(current)));
    }

    @Override
    public long revision(String catalog) {
        return store.revision(catalog);
    }

    List<CatalogStore.VersionRecord> history(String catalog, String code) {
        return store.history(catalog, code);
    }

    List<CatalogStore.ChangeRecord> changes(String catalog, String code, int limit) {
        return store.changes(catalog, code, limit);
    }

    List<Lineage.Step> successionsOf(String catalog, String code) {
        return store.successionsOf(catalog, code);
    }

    List<CatalogEntry> versionsIncludingHistory(String catalog) {
        return store.liveVersions(catalog).stream().map(v -> v.entry)
                .sorted(java.util.Comparator.comparing(CatalogEntry::code).thenComparing(CatalogEntry::validFrom)).toList();
    }

    CatalogDefinition definition(String catalog) {
        return stored(catalog).definition();
    }

    List<CatalogStore.StoredCatalog> storedCatalogs() {
        return store.catalogs();
    }

    /** The definition and the current revision, in one read. */
    CatalogStore.StoredCatalog stored(String catalog) {
        return store.catalog(catalog).orElseThrow(() -> CatalogProblems.unknownCatalog(catalog));
    }
}
