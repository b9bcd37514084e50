package vn.gov.egov.lgsp.registry;

/** What a member of the LGSP is: an agency of the province, a national system (reached through NDXP), or another. */
public enum MemberKind {
    PROVINCIAL_AGENCY, NATIONAL_SYSTEM, OTHER
}
