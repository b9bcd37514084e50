package vn.gov.egov.eform;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Checks a filled form against the form version it was filled with. An empty list means the form is valid. */
public interface FormValidation {

    /**
     * @throws UnknownForm when the procedure has no such form version
     */
    List<FieldError> validate(String procedureCode, int version, JsonNode filled);

    /** The same, for a filled form as a map (as JSON would be read: strings, numbers, booleans, maps, lists). */
    List<FieldError> validate(String procedureCode, int version, Map<String, ?> filled);

    List<FieldError> validate(FormDefinition form, JsonNode filled);
}
