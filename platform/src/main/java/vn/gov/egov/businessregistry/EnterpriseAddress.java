package vn.gov.egov.businessregistry;

import java.util.ArrayList;
import java.util.List;

/** An enterprise's head office address: street (may be {@code null}), commune with its code, province. */
public record EnterpriseAddress(String streetAddress, String commune, String communeCode, String province) {

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
