package vn.gov.egov.businessregistry;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise as the national business registration database records it.
 *
 * @param type   the legal form as written by the registry, e.g. "Công ty TNHH một thành viên"
 * @param status {@code active}, {@code suspended} or {@code dissolved}
 */
public record Enterprise(String taxCode, String name, String type, String status, LocalDate registeredOn,
                         EnterpriseAddress headOffice, String phoneNumber, String email,
                         List<LegalRepresentative> legalRepresentatives) {

    public Enterprise {
        legalRepresentatives = legalRepresentatives == null ? List.of() : List.copyOf(legalRepresentatives);
    }

    /** Whether it is operating (neither suspended nor dissolved). */
    public boolean active() {
        return "active".equals(status);
    }
}
