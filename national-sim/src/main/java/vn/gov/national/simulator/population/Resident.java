package vn.gov.national.simulator.population;

import java.time.LocalDate;

/** One FAKE resident of the simulated national population database. */
public record Resident(
        String personalId,
        String fullName,
        LocalDate birthDate,
        String sex,
        String nationality,
        String ethnicity,
        Address permanentAddress,
        Address currentAddress,
        String phoneNumber,
        String email,
        boolean vneidAccount) {

    /** An address in a commune-level unit valid from 2025-07-01. */
    public record Address(String streetAddress, String commune, String communeCode, String province) {
    }
}
