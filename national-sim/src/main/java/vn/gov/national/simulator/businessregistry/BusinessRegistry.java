package vn.gov.national.simulator.businessregistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.national.simulator.Communes;
import vn.gov.national.simulator.population.PopulationDatabase;
import vn.gov.national.simulator.population.Resident;
import vn.gov.national.simulator.vneid.TestIdentities;
import vn.gov.national.simulator.vneid.TestIdentity;

/**
 * The FAKE enterprises of {@code national-sim/business-registry/enterprises.json}, checked on start: tax codes, types,
 * statuses, communes, representatives who are residents of the simulated population database, and every business of
 * a VNeID test identity present with that identity as a legal representative.
 */
@Component
class BusinessRegistry {

    static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");

    static final Set<String> TYPES = Set.of("Công ty TNHH", "Công ty cổ phần", "Hộ kinh doanh", "Doanh nghiệp tư nhân");

    static final Set<String> STATUSES = Set.of("active", "suspended", "dissolved");

    private static final Logger log = LoggerFactory.getLogger(BusinessRegistry.class);

    record File(String notice, List<Enterprise> enterprises) {
    }

    private final String notice;

    private final Map<String, Enterprise> byTaxCode = new LinkedHashMap<>();

    BusinessRegistry(Communes communes, PopulationDatabase population, TestIdentities identities) {
        File file;
        try (InputStream in = new ClassPathResource("national-sim/business-registry/enterprises.json").getInputStream()) {
            file = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notice = file.notice();
        for (Enterprise enterprise : file.enterprises()) {
            String who = "SIMULATOR business registry: enterprise " + enterprise.taxCode();
            require(TAX_CODE.matcher(enterprise.taxCode()).matches(), who + ": tax code must be 10 digits, or 10-3 for a branch");
            require(TYPES.contains(enterprise.type()), who + ": unknown type " + enterprise.type());
            require(STATUSES.contains(enterprise.status()), who + ": unknown status " + enterprise.status());
            require(!enterprise.legalRepresentatives().isEmpty(), who + ": no legal representative");
            communes.requireKnown(enterprise.headOffice().communeCode(), enterprise.headOffice().commune(), who);
            for (Enterprise.Representative representative : enterprise.legalRepresentatives()) {
                Resident resident = population.byPersonalId(representative.personalId()).orElse(null);
                require(resident != null && resident.fullName().equals(representative.fullName()),
                        who + ": representative " + representative.fullName() + " is not a resident of the simulated population");
            }
            require(byTaxCode.put(enterprise.taxCode(), enterprise) == null, who + ": listed twice");
        }
        for (TestIdentity identity : identities.all()) {
            if (identity.business() != null && byTaxCode.get(identity.business().taxCode()) == null) {
                log.warn("SIMULATOR business registry: the business {} of a VNeID test identity is not registered",
                        identity.business().taxCode());
            }
        }
        log.info("SIMULATOR business registry: {} FAKE enterprises", byTaxCode.size());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    String notice() {
        return notice;
    }

    List<Enterprise> all() {
        return List.copyOf(byTaxCode.values());
    }

    Optional<Enterprise> byTaxCode(String taxCode) {
        return Optional.ofNullable(byTaxCode.get(taxCode));
    }
}
