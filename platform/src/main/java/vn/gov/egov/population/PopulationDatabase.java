package vn.gov.egov.population;

import java.util.Optional;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;

/** The national population database, asked on behalf of an agency. */
public interface PopulationDatabase {

    /**
     * The resident with this number; empty when the database knows no such person.
     *
     * @param requestingAgencyCode the electronic identifier code of the agency asking (sent with every request)
     * @throws PopulationDatabaseUnavailable when it does not answer, or answers something unreadable
     */
    Optional<Resident> find(PersonalIdentificationNumber personalId, String requestingAgencyCode);
}
