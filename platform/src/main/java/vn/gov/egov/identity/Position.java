package vn.gov.egov.identity;

/**
 * One role an official holds in a unit ({@code unitCode}, may be the agency itself) of an agency, with the official's
 * title there ({@code title}, chức danh: "Giám đốc", "Phó Chủ tịch"…; {@code null} when none is recorded), which is
 * printed over their name on the results they sign.
 */
public record Position(Role role, String agencyCode, String unitCode, String title) {

    /** A position without a recorded title. */
    public Position(Role role, String agencyCode, String unitCode) {
        this(role, agencyCode, unitCode, null);
    }
}
