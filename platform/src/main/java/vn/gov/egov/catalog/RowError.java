package vn.gov.egov.catalog;

/** Why one row (or field) of a change was refused: the line, the field, the rule it broke, and a message in Vietnamese. */
public record RowError(Integer line, String field, String rule, String message) {

    static RowError of(Integer line, String field, String rule, String message) {
        return new RowError(line, field, rule, message);
    }
}
