package vn.gov.national.simulator.documentbackbone;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * SIMULATOR of the national document-exchange backbone (Trục liên thông văn bản quốc gia): agencies send edXML
 * packages (QCVN 102:2016/BTTTT), each recipient takes the packages addressed to it and reports statuses back.
 * <pre>
 * POST /document-backbone/api/packages                     the edXML (application/xml, at most 20 MB) → 201 {"packageId",...};
 *                                                          the same DocumentId again → 200, the same package
 * GET  /document-backbone/api/agencies/{organId}/packages?limit=50   addressed to the agency, not yet taken, oldest first
 * GET  /document-backbone/api/packages/{packageId}          the edXML as sent
 * POST /document-backbone/api/packages/{packageId}/statuses {"organId","status": received|processing|done|failed,"note"}
 * GET  /document-backbone/api/packages/{packageId}/statuses the trail of statuses (for the sender)
 * </pre>
 */
@RestController
@RequestMapping("/document-backbone/api")
class DocumentBackboneApi {

    static final String NOTICE = "TRÌNH MÔ PHỎNG Trục liên thông văn bản quốc gia – dữ liệu giả. SIMULATOR of the national document-exchange backbone.";
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final DocumentPackages packages;

    DocumentBackboneApi(DocumentPackages packages) {
        this.packages = packages;
    }

    @PostMapping("/packages")
    ResponseEntity<Map<String, Object>> send(@RequestBody byte[] edxml) {
        if (edxml.length > MAX_BYTES) {
            throw SimulatorProblem.invalid("edXML", "max-size", "Gói tin tối đa 20 MB, nhận được " + edxml.length + " byte");
        }
        DocumentPackages.Accepted accepted = packages.accept(edxml);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("notice", NOTICE);
        answer.putAll(accepted.pack().toJson());
        if (accepted.existing()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/document-backbone/api/packages/" + accepted.pack().id)).body(answer);
    }

    @GetMapping("/agencies/{organId}/packages")
    Map<String, Object> waiting(@PathVariable String organId, @RequestParam(defaultValue = "50") int limit) {
        if (!EdxmlHeader.ORGAN_ID.matcher(organId).matches()) {
            throw SimulatorProblem.invalid("organId", "qcvn-102", "Mã cơ quan '" + organId + "' không đúng dạng QCVN 102 (vd. 000.00.08.H20)");
        }
        return Map.of("notice", NOTICE, "packages", packages.waitingFor(organId, JsonBodyCheck.limit(limit)));
    }

    @GetMapping("/packages/{packageId}")
    ResponseEntity<byte[]> edxml(@PathVariable String packageId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(packages.get(packageId).edxml);
    }

    @PostMapping("/packages/{packageId}/statuses")
    ResponseEntity<Map<String, Object>> report(@PathVariable String packageId, @RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String organId = check.requiredText("organId");
        String status = check.oneOf("status", DocumentPackages.STATUSES);
        String note = check.optionalText("note");
        check.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("notice", NOTICE);
        answer.putAll(packages.report(packageId, organId, status, note).toJson());
        return ResponseEntity.status(201).body(answer);
    }

    @GetMapping("/packages/{packageId}/statuses")
    Map<String, Object> statuses(@PathVariable String packageId) {
        return Map.of("notice", NOTICE, "packageId", packageId, "statuses", packages.statuses(packageId));
    }
}
