package vn.gov.egov.businessregistry;

import java.util.Optional;

/** The national business registration database. */
public interface BusinessRegistry {

    /**
     * The enterprise with this tax code; empty when the registry knows none.
     *
     * @throws BusinessRegistryUnavailable when it does not answer, or answers something unreadable
     */
    Optional<Enterprise> find(String taxCode);
}
