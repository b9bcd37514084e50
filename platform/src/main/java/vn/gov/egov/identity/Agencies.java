package vn.gov.egov.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.EntryQuery;
import vn.gov.egov.catalog.SharedCatalogs;

/**
 * The agencies and units that exist today, from the shared "agencies" catalog: positions and accounts may only name
 * these, and an agency administrator's scope is their agency with every unit below it.
 */
@Component
class Agencies {

    static final String CATALOG = "agencies";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Agency(String code, String name, String parentCode) {
    }

    private record Tree(LocalDate date, long revision, Map<String, Agency> byCode) {
    }

    private final SharedCatalogs catalogs;
    private final Clock clock = Clock.system(VIETNAM);
    private volatile Tree tree;

    Agencies(SharedCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    Optional<Agency> today(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(current().byCode().get(code));
    }

    /** Whether {@code code} is {@code ancestor} itself or one of the units below it, today. */
    boolean within(String code, String ancestor) {
        Map<String, Agency> byCode = current().byCode();
        Set<String> seen = new HashSet<>();
        for (Agency at = code == null ? null : byCode.get(code); at != null && seen.add(at.code());
             at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
            if (at.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    boolean withinAny(String code, Collection<String> ancestors) {
        return ancestors.stream().anyMatch(ancestor -> within(code, ancestor));
    }

    /** The agencies themselves and every unit below them. */
    Set<String> subtrees(Collection<String> roots) {
        Set<String> codes = new HashSet<>();
        for (Agency agency : current().byCode().values()) {
            if (withinAny(agency.code(), roots)) {
                codes.add(agency.code());
            }
        }
        return codes;
    }

    /** Every agency and unit of today, by name (for choosing one in a form). */
    List<Agency> all() {
        List<Agency> all = new ArrayList<>(current().byCode().values());
        all.sort(Comparator.comparing(Agency::name));
        return all;
    }

    String nameOf(String code) {
        return today(code).map(Agency::name).orElse(code);
    }

    private Tree current() {
        LocalDate today = LocalDate.now(clock);
        long revision = catalogs.revision(CATALOG);
        Tree snapshot = tree;
        if (snapshot == null || !snapshot.date().equals(today) || snapshot.revision() != revision) {
            Map<String, Agency> byCode = new LinkedHashMap<>();
            for (CatalogEntry entry : catalogs.entries(CATALOG, EntryQuery.all(today)).items()) {
                byCode.put(entry.code(), new Agency(entry.code(), entry.name(), entry.parentCode()));
            }
            snapshot = new Tree(today, revision, Map.copyOf(byCode));
            tree = snapshot;
        }
        return snapshot;
    }
}
