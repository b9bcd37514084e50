package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The shared e-catalogs as other modules read them. Every read is as of a date. */
public interface SharedCatalogs {

    List<CatalogDefinition> catalogs();

    Optional<CatalogDefinition> catalog(String catalog);

    Optional<CatalogEntry> entry(String catalog, String code, LocalDate asOf);

    EntryPage entries(String catalog, EntryQuery query);

    /** Every recorded version of one entry, oldest first. */
    List<CatalogEntry> versions(String catalog, String code);

    Optional<Lineage> lineage(String catalog, String code, LocalDate asOf);

    /**
     * Whether {@code code} is {@code ancestor} or an entry below it in the catalog's tree on that day (a unit of an
     * agency, a commune of a province): its parents are followed upwards, and a loop in the data ends the walk.
     */
    default boolean isWithin(String catalog, String code, String ancestor, LocalDate asOf) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String at = code; at != null && seen.add(at); at = entry(catalog, at, asOf).map(CatalogEntry::parentCode).orElse(null)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The catalog's revision: it grows with every change, so it can validate caches and ETags. */
    long revision(String catalog);
}
