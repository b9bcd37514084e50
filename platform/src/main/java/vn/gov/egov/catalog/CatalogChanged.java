package vn.gov.egov.catalog;

import java.time.Instant;
import java.util.List;

/** Published after a change to a catalog is committed: entries edited, imported or retired, or its definition changed. */
public record CatalogChanged(String catalog, long revision, long changeId, String kind, List<String> codes,
                             String changedBy, Instant changedAt) {
}
