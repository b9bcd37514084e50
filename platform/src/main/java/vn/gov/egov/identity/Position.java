package vn.gov.egov.identity;

/** One role an official holds in a unit ({@code unitCode}, may be the agency itself) of an agency. */
public record Position(Role role, String agencyCode, String unitCode) {
}
