package vn.gov.national.simulator.businessregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.context;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.vneid.TestIdentities;
import vn.gov.national.simulator.vneid.TestIdentity;

class BusinessRegistryApiTest {

    @Test
    void everyBusinessOfAVneidIdentityIsRegisteredWithThatIdentityAsLegalRepresentative() {
        long businesses = 0;
        for (TestIdentity identity : context().getBean(TestIdentities.class).all()) {
            if (identity.business() == null) {
                continue;
            }
            businesses++;
            HttpResponse<String> response = get("/business-registry/api/enterprises/" + identity.business().taxCode());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode enterprise = json(response);
            assertThat(enterprise.get("notice").asString()).contains("SIMULATOR");
            assertThat(enterprise.get("name").asString()).isEqualTo(identity.business().name());
            assertThat(enterprise.get("status").asString()).isEqualTo("active");
            assertThat(enterprise.get("type").asString()).isIn("Công ty TNHH", "Công ty cổ phần", "Hộ kinh doanh", "Doanh nghiệp tư nhân");
            assertThat(enterprise.get("registeredOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(enterprise.get("headOffice").get("communeCode").asString()).hasSize(5);
            JsonNode representative = enterprise.get("legalRepresentatives").get(0);
            assertThat(representative.get("personalId").asString()).isEqualTo(identity.personalId());
            assertThat(representative.get("fullName").asString()).isEqualTo(identity.fullName());
            assertThat(representative.get("position").asString()).isNotBlank();
        }
        assertThat(businesses).isEqualTo(2);
    }

    @Test
    void aBranchASuspendedAndADissolvedEnterpriseAreServedToo() {
        JsonNode branch = json(get("/business-registry/api/enterprises/4999000202-001"));
        assertThat(branch.get("taxCode").asString()).isEqualTo("4999000202-001");
        assertThat(json(get("/business-registry/api/enterprises/4999000404")).get("status").asString()).isEqualTo("suspended");
        assertThat(json(get("/business-registry/api/enterprises/4999000505")).get("status").asString()).isEqualTo("dissolved");
        JsonNode household = json(get("/business-registry/api/enterprises/4999000303"));
        assertThat(household.get("type").asString()).isEqualTo("Hộ kinh doanh");
        assertThat(household.get("email").isNull()).isTrue();
    }

    @Test
    void aMalformedTaxCodeIsABadRequestAndAnUnknownOneIsNotFound() {
        for (String bad : new String[] {"123", "49990001010", "4999000101-01", "abcdefghij"}) {
            HttpResponse<String> response = get("/business-registry/api/enterprises/" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(response).get("field").asString()).isEqualTo("taxCode");
            assertThat(json(response).get("detail").asString()).contains("taxCode").contains("10 chữ số");
        }
        HttpResponse<String> unknown = get("/business-registry/api/enterprises/0101234567");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("0101234567");
    }
}
