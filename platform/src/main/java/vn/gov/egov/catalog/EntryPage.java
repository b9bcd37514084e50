package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.List;

public record EntryPage(String catalog, LocalDate asOf, long total, int page, int size, List<CatalogEntry> items) {
}
