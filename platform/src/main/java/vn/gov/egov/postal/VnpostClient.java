package vn.gov.egov.postal;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** VNPost's province API: postal dossiers delivered, acknowledgements; shipments of results and their tracking. */
@Component
class VnpostClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    VnpostClient(LgspConnections lgsp,
                 @Value("${egov.national.vnpost.connect-timeout:5s}") Duration connectTimeout,
                 @Value("${egov.national.vnpost.read-timeout:30s}") Duration readTimeout) {
        this.client = lgsp.restClient(NationalSystem.VNPOST, connectTimeout, readTimeout).build();
    }

    /** Postal dossiers delivered to the province and not acknowledged yet, oldest first. */
    List<JsonNode> waiting(int limit) {
        String body = client.get().uri("/api/province/deliveries?limit={limit}", limit).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(String.class);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(body == null ? "{}" : body).path("deliveries").forEach(items::add);
        return items;
    }

    void acknowledge(String itemNumber, String dossierCode) {
        client.post().uri("/api/province/deliveries/{item}/acknowledgement", itemNumber).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("dossierCode", dossierCode))).retrieve().toBodilessEntity();
    }

    /** Tells VNPost the province refused the item (it goes back to the sender with the reasons); repeatable. */
    void refuse(String itemNumber, String reasons) {
        client.post().uri("/api/province/deliveries/{item}/refusal", itemNumber).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("reasons", reasons))).retrieve().toBodilessEntity();
    }

    /** Creates a shipment; VNPost answers with the same item for a reference it has seen. Returns the shipment. */
    JsonNode ship(Map<String, Object> shipment) {
        String body = client.post().uri("/api/shipments").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(shipment)).retrieve().body(String.class);
        return JSON.readTree(body == null ? "{}" : body);
    }

    /** A shipment with its state and tracking events. */
    JsonNode shipment(String itemNumber) {
        String body = client.get().uri("/api/shipments/{item}", itemNumber).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
        return JSON.readTree(body == null ? "{}" : body);
    }
}
