package vn.gov.egov.population;

import java.time.LocalDate;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.Sex;

/**
 * A resident as the national population database records them. Personal data: never log it, seal it before storing.
 * {@code toString()} masks the number (see {@link PersonalIdentificationNumber}) but prints the rest, so do not log it.
 *
 * @param currentAddress {@code null} when it is the permanent address
 * @param phoneNumber    may be {@code null}
 * @param email          may be {@code null}
 */
public record Resident(PersonalIdentificationNumber personalId, String fullName, LocalDate birthDate, Sex sex,
                       String nationality, String ethnicity, ResidentAddress permanentAddress, ResidentAddress currentAddress,
                       String phoneNumber, String email) {

    /** Where the resident lives now: the current address, or the permanent one when none is recorded. */
    public ResidentAddress livingAddress() {
        return currentAddress != null ? currentAddress : permanentAddress;
    }
}
