package vn.gov.egov.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a catalog is: its code, names, whether its entries form a tree, the pattern its entry codes follow and
 * the attributes they carry. A new catalog is added by configuration (a definition file or the API), not by code.
 */
public record CatalogDefinition(String code, String name, String nameEn, String description, boolean hierarchical,
                                String codePattern, List<AttributeDefinition> attributes) {

    public CatalogDefinition {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public Optional<AttributeDefinition> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }
}
