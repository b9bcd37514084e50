package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a catalog entry: what the entry {@code code} was from {@code validFrom} (inclusive) until
 * {@code validTo} (exclusive; {@code null} while it still applies).
 */
public record CatalogEntry(String catalog, String code, String name, String nameEn, String parentCode,
                           LocalDate validFrom, LocalDate validTo, Map<String, String> attributes) {

    public CatalogEntry {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    boolean sameContentAs(CatalogEntry other) {
        return name.equals(other.name) && java.util.Objects.equals(nameEn, other.nameEn)
                && java.util.Objects.equals(parentCode, other.parentCode) && attributes.equals(other.attributes);
    }

    CatalogEntry during(LocalDate from, LocalDate to) {
        return new CatalogEntry(catalog, code, name, nameEn, parentCode, from, to, attributes);
    }
}
