package vn.gov.egov.catalog;

import java.util.List;

/** An extra attribute that the entries of one catalog carry, with the rule its values follow. */
public record AttributeDefinition(String name, String label, String labelEn, Type type, boolean required,
                                  String pattern, List<String> values, String referenceCatalog, boolean unique) {

    public enum Type { STRING, INTEGER, BOOLEAN, DATE, ENUM, REFERENCE }

    public AttributeDefinition {
        type = type == null ? Type.STRING : type;
        values = values == null ? List.of() : List.copyOf(values);
        label = label == null ? name : label;
    }
}
