package vn.gov.national.simulator.vneid;

import java.time.LocalDate;

/**
 * One FAKE test identity of the simulated VNeID. {@code sub} is the stable opaque subject identifier given to relying
 * parties; it is deliberately not the personal identification number.
 */
public record TestIdentity(
        String sub,
        String personalId,
        String fullName,
        LocalDate birthDate,
        String gender,
        Address address,
        String phoneNumber,
        String email,
        int identityLevel,
        Business business) {

    /** Permanent address (nơi thường trú) in a commune-level unit valid from 2025-07-01. */
    public record Address(String streetAddress, String commune, String communeCode, String province) {

        public String formatted() {
            return streetAddress + ", " + commune + ", " + province;
        }
    }

    /** A fake business that this person represents, with its 10-digit tax code. */
    public record Business(String taxCode, String name, String role) {
    }
}
