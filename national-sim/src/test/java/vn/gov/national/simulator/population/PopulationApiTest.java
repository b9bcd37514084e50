package vn.gov.national.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.context;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.Communes;
import vn.gov.national.simulator.vneid.PersonalIdentificationNumber;
import vn.gov.national.simulator.vneid.TestIdentities;
import vn.gov.national.simulator.vneid.TestIdentity;

class PopulationApiTest {

    static final String AGENCY = "X-Requesting-Agency";

    @Test
    void everyVneidIdentityIsAResidentWithTheSameNameBirthSexAddressAndContacts() {
        List<TestIdentity> identities = context().getBean(TestIdentities.class).all();
        assertThat(identities).hasSize(12);
        for (TestIdentity identity : identities) {
            HttpResponse<String> response = get("/population/api/citizens/" + identity.personalId(), AGENCY, "000.00.10.H20");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode citizen = json(response);
            assertThat(citizen.get("notice").asString()).contains("SIMULATOR");
            assertThat(citizen.get("personalId").asString()).isEqualTo(identity.personalId());
            assertThat(citizen.get("fullName").asString()).isEqualTo(identity.fullName());
            assertThat(citizen.get("birthDate").asString()).isEqualTo(identity.birthDate().toString());
            assertThat(citizen.get("sex").asString()).isEqualTo(identity.gender());
            assertThat(citizen.get("nationality").asString()).isEqualTo("Việt Nam");
            assertThat(citizen.get("ethnicity").asString()).isNotBlank();
            JsonNode address = citizen.get("permanentAddress");
            assertThat(address.get("streetAddress").asString()).isEqualTo(identity.address().streetAddress());
            assertThat(address.get("commune").asString()).isEqualTo(identity.address().commune());
            assertThat(address.get("communeCode").asString()).isEqualTo(identity.address().communeCode());
            assertThat(address.get("province").asString()).isEqualTo(identity.address().province());
            assertThat(citizen.get("currentAddress").get("communeCode").asString()).hasSize(5);
            assertThat(citizen.get("phoneNumber").isNull() ? null : citizen.get("phoneNumber").asString()).isEqualTo(identity.phoneNumber());
            assertThat(citizen.get("email").isNull() ? null : citizen.get("email").asString()).isEqualTo(identity.email());
        }
    }

    @Test
    void atLeastSixDeskOnlyResidentsHaveNoVneidAccountAndValidIdsAndCommunes() {
        PopulationDatabase database = context().getBean(PopulationDatabase.class);
        TestIdentities identities = context().getBean(TestIdentities.class);
        Communes communes = context().getBean(Communes.class);
        List<Resident> deskOnly = database.all().stream().filter(r -> identities.byPersonalId(r.personalId()).isEmpty()).toList();
        assertThat(deskOnly).hasSizeGreaterThanOrEqualTo(6).allSatisfy(resident -> {
            assertThat(resident.vneidAccount()).isFalse();
            assertThat(PersonalIdentificationNumber.isConsistent(resident.personalId(), resident.birthDate(), resident.sex())).isTrue();
            assertThat(communes.name(resident.permanentAddress().communeCode())).contains(resident.permanentAddress().commune());
            assertThat(resident.birthDate().getYear()).as("elderly people who come to the desk").isLessThan(1960);
        });
        database.all().stream().filter(r -> identities.byPersonalId(r.personalId()).isPresent())
                .forEach(r -> assertThat(PopulationDatabase.sameAs(r, identities.byPersonalId(r.personalId()).get())).isTrue());

        JsonNode elderly = json(get("/population/api/citizens/020041999014", AGENCY, "UBND-06046"));
        assertThat(elderly.get("fullName").asString()).isEqualTo("Lương Văn Sinh");
        assertThat(elderly.get("phoneNumber").isNull()).isTrue();
    }

    @Test
    void anUnknownValidIdIsNotFoundAndBadIdsOrAMissingAgencyAreRefusedWithProblemDetails() {
        HttpResponse<String> unknown = get("/population/api/citizens/020090123456", AGENCY, "SO-TP");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(unknown).get("detail").asString()).contains("020******456").doesNotContain("020090123456");

        HttpResponse<String> asJson = get("/population/api/citizens/020090123456", AGENCY, "SO-TP", "Accept", "application/json");
        assertThat(asJson.statusCode()).as("a client that accepts only JSON still gets the problem").isEqualTo(404);
        assertThat(json(asJson).get("status").asInt()).isEqualTo(404);

        HttpResponse<String> shortId = get("/population/api/citizens/02008599900", AGENCY, "SO-TP");
        assertThat(shortId.statusCode()).isEqualTo(400);
        assertThat(json(shortId).get("field").asString()).isEqualTo("personalId");
        assertThat(json(shortId).get("detail").asString()).contains("personalId").contains("12 chữ số");

        HttpResponse<String> badCentury = get("/population/api/citizens/020785999001", AGENCY, "SO-TP");
        assertThat(badCentury.statusCode()).isEqualTo(400);
        assertThat(json(badCentury).get("detail").asString()).contains("chữ số thứ 4");

        HttpResponse<String> future = get("/population/api/citizens/020399999001", AGENCY, "SO-TP");
        assertThat(future.statusCode()).as("born in 2099").isEqualTo(400);

        HttpResponse<String> noAgency = get("/population/api/citizens/020085999001");
        assertThat(noAgency.statusCode()).isEqualTo(400);
        assertThat(json(noAgency).get("field").asString()).isEqualTo(AGENCY);
        assertThat(json(noAgency).get("detail").asString()).contains(AGENCY).contains("bắt buộc");
        assertThat(json(noAgency).get("simulator").asBoolean()).isTrue();

        HttpResponse<String> badAgency = get("/population/api/citizens/020085999001", AGENCY, "co quan <x>");
        assertThat(badAgency.statusCode()).isEqualTo(400);
    }

    @Test
    void everyLookupIsInTheAccessLogWithAMaskedIdAndTheAgency() {
        get("/population/api/citizens/020188999010", AGENCY, "000.00.10.H20");
        get("/population/api/citizens/020188999010", AGENCY, "UBND-05986");
        get("/population/api/citizens/020085999001");

        HttpResponse<String> log = get("/population/api/access-log?personalId=020188999010");
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode entries = json(log);
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.findValuesAsString("requestingAgency")).containsSubsequence("000.00.10.H20", "UBND-05986");
        assertThat(entries.findValuesAsString("personalId")).containsOnly("020******010");
        assertThat(entries.get(0).get("at").asString()).endsWith("Z");
        assertThat(log.body()).doesNotContain("020188999010");
    }
}
