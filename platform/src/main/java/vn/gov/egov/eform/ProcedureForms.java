package vn.gov.egov.eform;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The application forms of the procedures, versioned. */
public interface ProcedureForms {

    /** The form in force on a day: the highest version valid from that day or earlier. */
    Optional<FormDefinition> current(String procedureCode, LocalDate asOf);

    /** The form in force today (Vietnam time). */
    Optional<FormDefinition> current(String procedureCode);

    Optional<FormDefinition> version(String procedureCode, int version);

    /** Every version, oldest first. */
    List<FormDefinition> versions(String procedureCode);

    /**
     * Records a new version; the schema is checked against the subset first.
     *
     * @throws InvalidFormSchema when the schema is not a form of the subset
     */
    FormDefinition publish(String procedureCode, LocalDate validFrom, JsonNode schema, String createdBy);

    /**
     * A form filled with the given version of a procedure's form, as the lines people read on the dossier's pages (see
     * {@link FormLine}); none when nothing was filled or the version is unknown.
     */
    List<FormLine> lines(String procedureCode, Integer version, JsonNode filled);
}
