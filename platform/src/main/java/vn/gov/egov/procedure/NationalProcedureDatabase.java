package vn.gov.egov.procedure;

import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.LgspConnections;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The client of the national procedure database (in the demonstration and the tests: the national-systems simulator). */
@Component
class NationalProcedureDatabase {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final RestClient client;
    private final String baseUrl;

    NationalProcedureDatabase(LgspConnections lgsp,
                              @Value("${egov.national.procedures.connect-timeout:5s}") Duration connectTimeout,
                              @Value("${egov.national.procedures.read-timeout:30s}") Duration readTimeout) {
        // the source names the service on the LGSP, not a node's address, so that the last sync is found again
        this.baseUrl = "lgsp:" + NationalSystem.PROCEDURES.name();
        this.client = lgsp.restClient(NationalSystem.PROCEDURES, connectTimeout, readTimeout).build();
    }

    String source() {
        return baseUrl;
    }

    /** The procedures changed since an instant ({@code null}: all of them). */
    List<NationalProcedureRecord> changedSince(Instant since) {
        String body = client.get()
                .uri(u -> since == null ? u.path("/api/procedures").build() : u.path("/api/procedures").queryParam("updatedSince", since.toString()).build())
                .retrieve().body(String.class);
        return parse(body);
    }

    static List<NationalProcedureRecord> parse(String json) {
        NationalProcedureRecord.Batch batch = JSON.readValue(json, NationalProcedureRecord.Batch.class);
        return batch.procedures() == null ? List.of() : batch.procedures();
    }
}
