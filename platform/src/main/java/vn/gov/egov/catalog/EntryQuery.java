package vn.gov.egov.catalog;

import java.time.LocalDate;

/** Which entries to read: as of a date, optionally matching words (diacritics optional) or under a parent. */
public record EntryQuery(LocalDate asOf, String text, String parentCode, boolean rootsOnly, int page, int size) {

    public static final int MAX_PAGE_SIZE = 5000;

    public static EntryQuery all(LocalDate asOf) {
        return new EntryQuery(asOf, null, null, false, 0, MAX_PAGE_SIZE);
    }
}
