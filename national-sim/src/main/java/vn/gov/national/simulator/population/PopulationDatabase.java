package vn.gov.national.simulator.population;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.national.simulator.Communes;
import vn.gov.national.simulator.vneid.PersonalIdentificationNumber;
import vn.gov.national.simulator.vneid.TestIdentities;
import vn.gov.national.simulator.vneid.TestIdentity;

/**
 * The FAKE residents of the simulated population database ({@code national-sim/population/residents.json}), checked
 * on start: valid personal ids, communes of 2025-07, and every VNeID test identity present with the same data.
 */
@Component
public class PopulationDatabase {

    private static final Logger log = LoggerFactory.getLogger(PopulationDatabase.class);

    record File(String notice, List<Resident> residents) {
    }

    private final String notice;

    private final Map<String, Resident> byPersonalId = new LinkedHashMap<>();

    PopulationDatabase(Communes communes, TestIdentities identities) {
        File file;
        try (InputStream in = new ClassPathResource("national-sim/population/residents.json").getInputStream()) {
            file = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notice = file.notice();
        for (Resident resident : file.residents()) {
            String who = "SIMULATOR population: resident " + PersonalIdentificationNumber.mask(resident.personalId());
            if (!PersonalIdentificationNumber.isConsistent(resident.personalId(), resident.birthDate(), resident.sex())) {
                throw new IllegalStateException(who + ": personal id does not match the birth date and sex");
            }
            communes.requireKnown(resident.permanentAddress().communeCode(), resident.permanentAddress().commune(), who);
            communes.requireKnown(resident.currentAddress().communeCode(), resident.currentAddress().commune(), who);
            if (byPersonalId.put(resident.personalId(), resident) != null) {
                throw new IllegalStateException(who + ": listed twice");
            }
        }
        for (TestIdentity identity : identities.all()) {
            Resident resident = byPersonalId.get(identity.personalId());
            if (resident == null) {
                log.warn("SIMULATOR population: VNeID test identity {} has no resident record",
                        PersonalIdentificationNumber.mask(identity.personalId()));
            } else if (!sameAs(resident, identity)) {
                log.warn("SIMULATOR population: VNeID test identity {} differs from its resident record",
                        PersonalIdentificationNumber.mask(identity.personalId()));
            }
        }
        log.info("SIMULATOR population database: {} FAKE residents", byPersonalId.size());
    }

    /** Whether the resident record says what the VNeID test identity says (name, birth, sex, address, contacts). */
    static boolean sameAs(Resident resident, TestIdentity identity) {
        TestIdentity.Address a = identity.address();
        Resident.Address p = resident.permanentAddress();
        return resident.fullName().equals(identity.fullName()) && resident.birthDate().equals(identity.birthDate())
                && resident.sex().equals(identity.gender())
                && p.streetAddress().equals(a.streetAddress()) && p.commune().equals(a.commune())
                && p.communeCode().equals(a.communeCode()) && p.province().equals(a.province())
                && java.util.Objects.equals(resident.phoneNumber(), identity.phoneNumber())
                && java.util.Objects.equals(resident.email(), identity.email())
                && resident.vneidAccount();
    }

    public String notice() {
        return notice;
    }

    public List<Resident> all() {
        return List.copyOf(byPersonalId.values());
    }

    public Optional<Resident> byPersonalId(String personalId) {
        return Optional.ofNullable(byPersonalId.get(personalId));
    }
}
