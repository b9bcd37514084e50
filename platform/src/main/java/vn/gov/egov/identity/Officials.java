package vn.gov.egov.identity;

import java.util.Optional;

/** Looks officials up for other modules, e.g. to check that a task is in the caller's agency. */
public interface Officials {

    Optional<Official> byUsername(String username);

    /** The active officials holding {@code role} in the agency (in any of its units), by name; at most 500. */
    java.util.List<Official> holding(Role role, String agencyCode);

    /**
     * The e-mail addresses of the active officials holding {@code role} in the unit {@code unitCode} of the agency
     * ({@code unitCode} null: in any of its units; {@code agencyCode} null: in any agency), by name; at most 500. Those
     * without an address are listed too, with a {@code null} address.
     */
    java.util.List<OfficialMailbox> mailboxes(Role role, String agencyCode, String unitCode);
}
