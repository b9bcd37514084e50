package vn.gov.national.simulator.vneid;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's FAKE test identities, loaded from {@code sim.vneid.identities} and checked on start. */
@Component
public class TestIdentities {

    private static final Pattern PHONE = Pattern.compile("0\\d{9}");

    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}");

    record File(String notice, List<TestIdentity> identities) {
    }

    private final String notice;

    private final Map<String, TestIdentity> byPersonalId = new LinkedHashMap<>();

    private final Map<String, TestIdentity> bySub = new LinkedHashMap<>();

    public TestIdentities(VneidProperties properties, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(properties.getIdentities());
        File file;
        try (InputStream in = resource.getInputStream()) {
            file = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, File.class);
        }
        this.notice = file.notice();
        for (TestIdentity identity : file.identities()) {
            validate(identity);
            if (byPersonalId.put(identity.personalId(), identity) != null
                    || bySub.put(identity.sub(), identity) != null) {
                throw new IllegalStateException("Duplicate test identity " + identity.sub() + " in " + resource);
            }
        }
        if (byPersonalId.isEmpty()) {
            throw new IllegalStateException("No test identities in " + resource);
        }
    }

    private static void validate(TestIdentity identity) {
        String who = "test identity " + identity.sub();
        require(identity.sub() != null && !identity.sub().isBlank(), who + ": sub is missing");
        require(PersonalIdentificationNumber.isConsistent(identity.personalId(), identity.birthDate(), identity.gender()),
                who + ": personal id " + PersonalIdentificationNumber.mask(identity.personalId())
                        + " does not match the birth date and sex");
        require(!identity.sub().contains(identity.personalId()), who + ": sub must not reveal the personal id");
        require(identity.fullName() != null && !identity.fullName().isBlank(), who + ": name is missing");
        require(identity.address() != null && identity.address().commune() != null, who + ": address is missing");
        require(identity.phoneNumber() == null || PHONE.matcher(identity.phoneNumber()).matches(),
                who + ": phone number must have 10 digits starting with 0");
        require(identity.identityLevel() == 1 || identity.identityLevel() == 2, who + ": identity level must be 1 or 2");
        require(identity.business() == null || TAX_CODE.matcher(identity.business().taxCode()).matches(),
                who + ": business tax code must have 10 digits");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    public String notice() {
        return notice;
    }

    public List<TestIdentity> all() {
        return List.copyOf(byPersonalId.values());
    }

    public Optional<TestIdentity> byPersonalId(String personalId) {
        return Optional.ofNullable(byPersonalId.get(personalId));
    }

    public Optional<TestIdentity> bySub(String sub) {
        return Optional.ofNullable(bySub.get(sub));
    }
}
