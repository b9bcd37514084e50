package vn.gov.egov.businessregistry;

import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.LgspConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/** The client of the national business registration database (in the demonstration and the tests: the simulator). */
@Component
class NationalBusinessRegistry implements BusinessRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(NationalBusinessRegistry.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final RestClient client;

    NationalBusinessRegistry(LgspConnections lgsp,
                             @Value("${egov.national.business-registry.connect-timeout:5s}") Duration connectTimeout,
                             @Value("${egov.national.business-registry.read-timeout:10s}") Duration readTimeout) {
        this.client = lgsp.restClient(NationalSystem.BUSINESS_REGISTRY, connectTimeout, readTimeout).build();
    }

    @Override
    public Optional<Enterprise> find(String taxCode) {
        String body;
        try {
            body = client.get().uri("/api/enterprises/{taxCode}", taxCode).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == 404) {
                            return null;
                        }
                        if (!status.is2xxSuccessful()) {
                            throw new BusinessRegistryUnavailable("trả lời mã " + status.value(), null);
                        }
                        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    });
        } catch (RestClientException e) {
            // the exception's message holds the URL with the tax code, which for a person is their personal number
            LOG.warn("National business registry did not answer: {}", e.getClass().getSimpleName());
            throw new BusinessRegistryUnavailable("không kết nối được hoặc quá thời gian chờ", null);
        }
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(enterprise(body));
    }

    static Enterprise enterprise(String body) {
        try {
            return JSON.readValue(body, Enterprise.class);
        } catch (JacksonException e) {
            throw new BusinessRegistryUnavailable("trả lời không đọc được", null);
        }
    }
}
