package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What an entry was on a date and what it is today: the entries that succeeded it through mergers, splits and
 * renumbering ({@code partial} when only part of it went to that successor), or itself when nothing changed.
 */
public record Lineage(CatalogEntry asOf, LocalDate today, List<Successor> current) {

    public record Successor(CatalogEntry entry, boolean partial, List<Step> path) {
    }

    public record Step(String predecessorCode, String successorCode, LocalDate effectiveDate, boolean partial) {
    }
}
