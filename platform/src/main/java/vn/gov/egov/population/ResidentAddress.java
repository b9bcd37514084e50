package vn.gov.egov.population;

import java.util.ArrayList;
import java.util.List;

/**
 * An address in the national population database (after the 2025 reorganisation: commune and province).
 *
 * @param streetAddress house number, street, hamlet; may be {@code null}
 * @param communeCode   the commune's code in the national list of administrative units
 */
public record ResidentAddress(String streetAddress, String commune, String communeCode, String province) {

    /** The address on one line: street, commune, province. */
    public String line() {
        List<String> parts = new ArrayList<>(3);
        for (String part : new String[] {streetAddress, commune, province}) {
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return String.join(", ", parts);
    }
}
