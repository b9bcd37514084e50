package vn.gov.national.simulator.businessregistry;

import java.time.LocalDate;
import java.util.List;

/** One FAKE enterprise, branch or household business of the simulated business registration database. */
record Enterprise(
        String taxCode,
        String name,
        String type,
        String status,
        LocalDate registeredOn,
        Address headOffice,
        String phoneNumber,
        String email,
        List<Representative> legalRepresentatives) {

    record Address(String streetAddress, String commune, String communeCode, String province) {
    }

    record Representative(String personalId, String fullName, String position) {
    }
}
