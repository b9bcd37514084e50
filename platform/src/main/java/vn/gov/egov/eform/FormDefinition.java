package vn.gov.egov.eform;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * One version of a procedure's application form. A version never changes once recorded; a change is a new version.
 *
 * @param procedureCode the procedure's national code, e.g. {@code 1.000001}
 * @param version       1, 2, … per procedure
 * @param validFrom     the first day this version is the current form
 * @param schema        the JSON Schema (the platform's subset)
 * @param demonstration whether it is demonstration data
 */
public record FormDefinition(String procedureCode, int version, LocalDate validFrom, JsonNode schema,
                             boolean demonstration, String createdBy, Instant createdAt) {

    /** The form's title, from the schema. */
    public String title() {
        JsonNode title = schema.get("title");
        return title == null ? procedureCode : title.asString();
    }
}
