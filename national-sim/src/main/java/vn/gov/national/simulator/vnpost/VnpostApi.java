package vn.gov.national.simulator.vnpost;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.CitizenSubmission;
import vn.gov.national.simulator.JsonBodyCheck;

/**
 * SIMULATOR of VNPost's public postal service for administrative dossiers:
 * <pre>
 * POST /vnpost/api/postal-dossiers                                       sender side → 201 {"itemNumber","acceptedAt"}
 * GET  /vnpost/api/postal-dossiers/{itemNumber}                           the item and its acknowledgement
 * GET  /vnpost/api/province/deliveries?limit=50                           delivered, not yet acknowledged, oldest first
 * POST /vnpost/api/province/deliveries/{itemNumber}/acknowledgement       {"dossierCode"} → 204 / 404 / 409
 * POST /vnpost/api/province/deliveries/{itemNumber}/refusal               {"reasons"} → 204 (returned to the sender) / 404 / 409
 * POST /vnpost/api/shipments          agency side: {"reference", sender{agencyCode, agencyName}, recipient{fullName,
 *                                     address, phoneNumber}, contents} → 201 {"itemNumber"}; the same reference → 200, same item
 * GET  /vnpost/api/shipments/{itemNumber}                 the shipment, its state and tracking events
 * POST /vnpost/api/shipments/{itemNumber}/events          simulator control: {"state": IN_TRANSIT|DELIVERED|RETURNED_TO_SENDER}
 * </pre>
 */
@RestController
@RequestMapping("/vnpost/api")
class VnpostApi {

    static final String NOTICE = "TRÌNH MÔ PHỎNG Bưu chính công ích VNPost – dữ liệu giả. SIMULATOR of VNPost.";

    private final PostOffice postOffice;
    private final Shipments shipments;

    VnpostApi(PostOffice postOffice, Shipments shipments) {
        this.postOffice = postOffice;
        this.shipments = shipments;
    }

    @PostMapping("/shipments")
    ResponseEntity<Map<String, Object>> ship(@RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String reference = check.requiredText("reference");
        String agencyCode = check.requiredText("sender.agencyCode");
        String agencyName = check.optionalText("sender.agencyName");
        String recipientName = check.requiredText("recipient.fullName");
        String address = check.requiredText("recipient.address");
        String phone = check.phone(body, "recipient.phoneNumber", "recipient.phoneNumber");
        String contents = check.optionalText("contents");
        if (reference != null && reference.length() > 100) {
            check.fail("reference", "max-length", "Trường 'reference' tối đa 100 ký tự");
        }
        check.verify();
        Shipments.Created created = shipments.create(reference, agencyCode, agencyName, recipientName, address, phone, contents);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("notice", NOTICE);
        answer.putAll(created.shipment().toJson());
        if (created.existing()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/vnpost/api/shipments/" + created.shipment().itemNumber())).body(answer);
    }

    @GetMapping("/shipments/{itemNumber}")
    Map<String, Object> shipment(@PathVariable String itemNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", NOTICE);
        body.putAll(shipments.shipment(itemNumber));
        return body;
    }

    @PostMapping("/shipments/{itemNumber}/events")
    Map<String, Object> track(@PathVariable String itemNumber, @RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String state = check.oneOf("state", java.util.Set.of(Shipments.IN_TRANSIT, Shipments.DELIVERED, Shipments.RETURNED_TO_SENDER));
        String place = check.optionalText("place");
        String note = check.optionalText("note");
        check.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("notice", NOTICE);
        answer.putAll(shipments.track(itemNumber, state, place, note));
        return answer;
    }

    @PostMapping("/postal-dossiers")
    ResponseEntity<Map<String, Object>> accept(@RequestBody JsonNode body) {
        PostOffice.Item item = postOffice.accept(CitizenSubmission.from(body, PostOffice.SUBMISSION));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("notice", NOTICE);
        created.put("itemNumber", item.itemNumber);
        created.put("acceptedAt", item.acceptedAt.toString());
        return ResponseEntity.created(URI.create("/vnpost/api/postal-dossiers/" + item.itemNumber)).body(created);
    }

    @GetMapping("/postal-dossiers/{itemNumber}")
    Map<String, Object> item(@PathVariable String itemNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", NOTICE);
        body.putAll(postOffice.item(itemNumber));
        return body;
    }

    @GetMapping("/province/deliveries")
    Map<String, Object> deliveries(@RequestParam(defaultValue = "50") int limit) {
        return Map.of("notice", NOTICE, "deliveries", postOffice.waiting(JsonBodyCheck.limit(limit)));
    }

    @PostMapping("/province/deliveries/{itemNumber}/acknowledgement")
    ResponseEntity<Void> acknowledge(@PathVariable String itemNumber, @RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String dossierCode = check.requiredText("dossierCode");
        check.verify();
        postOffice.acknowledge(itemNumber, dossierCode);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/province/deliveries/{itemNumber}/refusal")
    ResponseEntity<Void> refuse(@PathVariable String itemNumber, @RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String reasons = check.requiredText("reasons");
        check.verify();
        postOffice.refuse(itemNumber, reasons);
        return ResponseEntity.noContent().build();
    }
}
