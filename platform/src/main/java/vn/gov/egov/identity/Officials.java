package vn.gov.egov.identity;

import java.util.Optional;

/** Looks officials up for other modules, e.g. to check that a task is in the caller's agency. */
public interface Officials {

    Optional<Official> byUsername(String username);

    /** The active officials holding {@code role} in the agency (in any of its units), by name; at most 500. */
    java.util.List<Official> holding(Role role, String agencyCode);
}
