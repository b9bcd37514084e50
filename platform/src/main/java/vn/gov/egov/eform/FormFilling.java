package vn.gov.egov.eform;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Filling a procedure's form: pre-fill from what the state already knows, reading an HTML form post, and printing the
 * filled form. The page fragment {@code templates/eform/fields.html :: fields(form, values, errors)} renders the inputs
 * whose names {@link #fromFormFields} reads.
 */
public interface FormFilling {

    /**
     * Values for the pre-filled fields (those with {@code x-prefill}), by field path; the citizen provides each piece
     * of data only once. Data come from the citizen's VNeID profile, completed by the national population database,
     * and for a business from the national business registry; a source that does not answer leaves its fields empty.
     *
     * @throws NotARepresentative when the applicant names a business the citizen does not represent
     */
    Map<String, Object> prefill(FormDefinition form, Applicant applicant);

    /**
     * Reads an HTML form post (parameter name = field path as rendered by the fragment, e.g. {@code thanhVien[0].hoTen})
     * into the JSON the schema describes: integers, numbers and booleans converted; values that do not convert are
     * kept as strings so that the validator names the field and the rule; empty values left out. Unknown parameters
     * are ignored.
     */
    JsonNode fromFormFields(FormDefinition form, Map<String, List<String>> parameters);

    /**
     * The filled form as a PDF (đơn / tờ khai): title, every field label with its value in layout order, the dossier
     * code with a QR code when given ({@code null} otherwise), the applicant's signature block.
     */
    byte[] pdf(FormDefinition form, JsonNode filled, String dossierCode);
}
