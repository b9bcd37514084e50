package vn.gov.egov.nationalportal;

import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.LgspConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The national portal's province API: waiting dossiers, acknowledgements, status reports. */
@Component
class NationalPortalClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    NationalPortalClient(LgspConnections lgsp,
                         @Value("${egov.national.portal.connect-timeout:5s}") Duration connectTimeout,
                         @Value("${egov.national.portal.read-timeout:30s}") Duration readTimeout) {
        this.client = lgsp.restClient(NationalSystem.NATIONAL_PORTAL, connectTimeout, readTimeout).build();
    }

    /** Dossiers submitted on the portal and not acknowledged yet, oldest first. */
    List<JsonNode> waiting(int limit) {
        String body = client.get().uri("/api/province/dossiers?limit={limit}", limit).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(String.class);
        List<JsonNode> dossiers = new ArrayList<>();
        JSON.readTree(body == null ? "{}" : body).path("dossiers").forEach(dossiers::add);
        return dossiers;
    }

    void acknowledge(String portalDossierId, String dossierCode) {
        client.post().uri("/api/province/dossiers/{id}/acknowledgement", portalDossierId).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("dossierCode", dossierCode))).retrieve().toBodilessEntity();
    }

    /**
     * Sends a status report.
     *
     * @throws RestClientResponseException when the portal refuses it (4xx: the report itself is wrong) or fails (5xx)
     */
    void report(Map<String, Object> report) {
        client.post().uri("/api/province/status-reports").contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(report)).retrieve().toBodilessEntity();
    }
}
