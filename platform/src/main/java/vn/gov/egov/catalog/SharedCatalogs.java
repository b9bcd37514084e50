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

    /** The catalog's revision: it grows with every change, so it can validate caches and ETags. */
    long revision(String catalog);
}
