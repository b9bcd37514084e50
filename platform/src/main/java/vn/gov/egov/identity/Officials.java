package vn.gov.egov.identity;

import java.util.Optional;

/** Looks officials up for other modules, e.g. to check that a task is in the caller's agency. */
public interface Officials {

    Optional<Official> byUsername(String username);
}
