package vn.gov.egov.catalog;

import java.util.Map;

/** One row of an import or one edit, as given (text), before it is validated; {@code line} locates it in its file. */
record EntryRow(int line, String code, String name, String nameEn, String parentCode, String validFrom, String validTo,
                Map<String, String> attributes) {

    EntryRow {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
