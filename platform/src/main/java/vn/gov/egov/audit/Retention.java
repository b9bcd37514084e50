package vn.gov.egov.audit;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long entries stay online, by the system's security level: the central log retention of the province's target
 * security architecture (Lạng Sơn 2023, section 2.5.7.1): levels 1 and 2 one month, level 3 three months, level 4 six
 * months, level 5 twelve months. {@code egov.audit.retention} may only lengthen it.
 */
final class Retention {

    private Retention() {
    }

    static Period minimumFor(int securityLevel) {
        return switch (securityLevel) {
            case 1, 2 -> Period.ofMonths(1);
            case 3 -> Period.ofMonths(3);
            case 4 -> Period.ofMonths(6);
            case 5 -> Period.ofMonths(12);
            default -> throw new IllegalArgumentException(
                    "egov.audit.security-level must be 1 to 5 (cấp độ an toàn hệ thống thông tin), not " + securityLevel);
        };
    }

    static Period online(AuditProperties properties) {
        Period minimum = minimumFor(properties.securityLevel());
        Period wanted = properties.retention();
        if (wanted == null) {
            return minimum;
        }
        LocalDate reference = LocalDate.of(2001, 1, 31);
        if (reference.minus(wanted).isAfter(reference.minus(minimum))) {
            throw new IllegalArgumentException("egov.audit.retention " + wanted + " is shorter than the " + minimum
                    + " that security level " + properties.securityLevel() + " requires");
        }
        return wanted;
    }
}
