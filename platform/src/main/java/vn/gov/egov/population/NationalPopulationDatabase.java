package vn.gov.egov.population;

import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.LgspConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.Sex;

/**
 * The client of the national population database (in the demonstration and the tests: the national-systems
 * simulator). Every request names the agency asking. Personal identification numbers appear in logs only masked.
 */
@Component
class NationalPopulationDatabase implements PopulationDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(NationalPopulationDatabase.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final String REQUESTING_AGENCY = "X-Requesting-Agency";

    private final RestClient client;

    NationalPopulationDatabase(LgspConnections lgsp,
                               @Value("${egov.national.population.connect-timeout:5s}") Duration connectTimeout,
                               @Value("${egov.national.population.read-timeout:10s}") Duration readTimeout) {
        this.client = lgsp.restClient(NationalSystem.POPULATION, connectTimeout, readTimeout).build();
    }

    /** The record as the database sends it. */
    record ResidentRecord(String personalId, String fullName, LocalDate birthDate, String sex, String nationality,
                          String ethnicity, ResidentAddress permanentAddress, ResidentAddress currentAddress,
                          String phoneNumber, String email) {
    }

    @Override
    public Optional<Resident> find(PersonalIdentificationNumber personalId, String requestingAgencyCode) {
        String body;
        try {
            body = client.get().uri("/api/citizens/{id}", personalId.value())
                    .accept(MediaType.APPLICATION_JSON)
                    .header(REQUESTING_AGENCY, requestingAgencyCode)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == 404) {
                            return null;
                        }
                        if (!status.is2xxSuccessful()) {
                            throw new PopulationDatabaseUnavailable("trả lời mã " + status.value(), null);
                        }
                        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    });
        } catch (RestClientException e) {
            // the exception's message holds the URL, hence the number in clear: neither logged nor kept as the cause
            LOG.warn("National population database did not answer for {}: {}", personalId.masked(), kind(e));
            throw new PopulationDatabaseUnavailable("không kết nối được hoặc quá thời gian chờ", null);
        }
        if (body == null) {
            LOG.info("National population database knows no resident {}", personalId.masked());
            return Optional.empty();
        }
        return Optional.of(resident(body, personalId));
    }

    private static String kind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root == e ? "" : " / " + root.getClass().getSimpleName());
    }

    static Resident resident(String body, PersonalIdentificationNumber asked) {
        try {
            ResidentRecord r = JSON.readValue(body, ResidentRecord.class);
            PersonalIdentificationNumber number = r.personalId() == null ? asked : PersonalIdentificationNumber.of(r.personalId());
            if (!number.equals(asked)) {
                throw new PopulationDatabaseUnavailable("trả về hồ sơ của người khác", null);
            }
            Sex sex = "female".equalsIgnoreCase(r.sex()) ? Sex.FEMALE : "male".equalsIgnoreCase(r.sex()) ? Sex.MALE : null;
            return new Resident(number, r.fullName(), r.birthDate(), sex, r.nationality(), r.ethnicity(),
                    r.permanentAddress(), r.currentAddress(), r.phoneNumber(), r.email());
        } catch (JacksonException | InvalidPersonalData e) {
            throw new PopulationDatabaseUnavailable("trả lời không đọc được", null);
        }
    }
}
