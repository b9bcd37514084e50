package vn.gov.egov.procedure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

    NationalProcedureDatabase(@Value("${egov.national.procedures.base-url:http://localhost:8090/national-procedures}") String baseUrl,
                              @Value("${egov.national.procedures.connect-timeout:5s}") Duration connectTimeout,
                              @Value("${egov.national.procedures.read-timeout:30s}") Duration readTimeout) {
        this.baseUrl = baseUrl;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
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
