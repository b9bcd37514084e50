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

/** The national portal's province API: waiting dossiers, acknowledgements, status reports (one or a batch). */
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

    /** The portal's answer for one report of a batch. */
    record BatchAnswer(String reportKey, String outcome, String reason) {

        boolean done() {
            return "accepted".equals(outcome) || "duplicate".equals(outcome);
        }

        boolean refused() {
            return "refused".equals(outcome);
        }
    }

    /**
     * Sends reports, each already a JSON object with its {@code reportKey}, in one call; the portal keeps them in this
     * order and answers each.
     *
     * @throws RuntimeException when the call fails (unreachable, timeout, any status but 2xx): nothing is known of the
     *                          reports, they are all to be sent again
     */
    List<BatchAnswer> reportBatch(List<String> reportsJson) {
        StringBuilder body = new StringBuilder(reportsJson.size() * 400 + 16).append("{\"reports\":[");
        for (int i = 0; i < reportsJson.size(); i++) {
            body.append(i == 0 ? "" : ",").append(reportsJson.get(i));
        }
        String answer = client.post().uri("/api/province/status-reports/batch").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).body(body.append("]}").toString()).retrieve().body(String.class);
        List<BatchAnswer> answers = new ArrayList<>(reportsJson.size());
        JSON.readTree(answer == null ? "{}" : answer).path("results").forEach(r -> answers.add(new BatchAnswer(
                r.path("reportKey").asString(null), r.path("outcome").asString(""), r.path("reason").asString(null))));
        return answers;
    }
}
