package vn.gov.national.simulator.nationalportal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
import vn.gov.national.simulator.SimulatorProblem;

/**
 * SIMULATOR of the national public-service portal (Cổng Dịch vụ công quốc gia); see {@code README-national-systems.md}.
 * <pre>
 * POST /national-portal/api/dossiers                                         citizen side: the portal receives a dossier
 * GET  /national-portal/api/dossiers/{portalDossierId}                        the dossier, its acknowledgement and reports
 * GET  /national-portal/api/province/dossiers?limit=50                        waiting (not acknowledged), oldest first
 * POST /national-portal/api/province/dossiers/{portalDossierId}/acknowledgement   {"dossierCode"} → 204 / 404 / 409
 * POST /national-portal/api/province/status-reports                           → 202 {"reportId"}; 200 when its
 *                                                                             reportKey came before (ignored, no duplicate)
 * POST /national-portal/api/province/status-reports/batch                     {"reports": [...]} (1..500, each with its
 *                                                                             reportKey) → 200 {"results": [{reportKey,
 *                                                                             outcome: accepted | duplicate | refused,
 *                                                                             reportId, reason}]} in the order sent
 * GET  /national-portal/api/province/status-reports?dossierCode=              in arrival order
 * </pre>
 */
@RestController
@RequestMapping("/national-portal/api")
class NationalPortalApi {

    /** The most reports one batch may carry. */
    static final int MAX_BATCH = 500;

    static final String NOTICE = "TRÌNH MÔ PHỎNG Cổng Dịch vụ công quốc gia – dữ liệu giả. SIMULATOR of the national portal.";

    private final NationalPortal portal;

    NationalPortalApi(NationalPortal portal) {
        this.portal = portal;
    }

    @PostMapping("/dossiers")
    ResponseEntity<Map<String, Object>> submit(@RequestBody JsonNode body) {
        NationalPortal.Dossier dossier = portal.submit(CitizenSubmission.from(body, NationalPortal.SUBMISSION));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("notice", NOTICE);
        created.put("portalDossierId", dossier.portalDossierId);
        created.put("submittedAt", dossier.submittedAt.toString());
        return ResponseEntity.created(URI.create("/national-portal/api/dossiers/" + dossier.portalDossierId)).body(created);
    }

    @GetMapping("/dossiers/{portalDossierId}")
    Map<String, Object> dossier(@PathVariable String portalDossierId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", NOTICE);
        body.putAll(portal.dossier(portalDossierId));
        return body;
    }

    @GetMapping("/province/dossiers")
    Map<String, Object> waiting(@RequestParam(defaultValue = "50") int limit) {
        return Map.of("notice", NOTICE, "dossiers", portal.waiting(JsonBodyCheck.limit(limit)));
    }

    @PostMapping("/province/dossiers/{portalDossierId}/acknowledgement")
    ResponseEntity<Void> acknowledge(@PathVariable String portalDossierId, @RequestBody JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String dossierCode = check.requiredText("dossierCode");
        check.verify();
        portal.acknowledge(portalDossierId, dossierCode);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/province/status-reports")
    ResponseEntity<Map<String, Object>> report(@RequestBody JsonNode body) {
        NationalPortal.Reported reported = portal.report(body);
        return ResponseEntity.status(reported.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(Map.of("notice", NOTICE, "reportId", reported.report().reportId(), "duplicate", reported.duplicate()));
    }

    @PostMapping("/province/status-reports/batch")
    Map<String, Object> reportBatch(@RequestBody JsonNode body) {
        JsonNode list = body == null ? null : body.get("reports");
        if (list == null || !list.isArray()) {
            throw SimulatorProblem.invalid("reports", "required", "Trường 'reports' là bắt buộc và phải là một danh sách báo cáo");
        }
        if (list.size() < 1 || list.size() > MAX_BATCH) {
            throw SimulatorProblem.invalid("reports", "size",
                    "Trường 'reports' phải có từ 1 đến %d báo cáo, nhận được %d".formatted(MAX_BATCH, list.size()));
        }
        List<JsonNode> reports = new java.util.ArrayList<>(list.size());
        list.forEach(reports::add);
        return Map.of("notice", NOTICE, "results", portal.reportAll(reports).stream().map(NationalPortal.BatchItem::toJson).toList());
    }

    @GetMapping("/province/status-reports")
    Map<String, Object> reports(@RequestParam(required = false) String dossierCode) {
        List<Map<String, Object>> reports = portal.reports(dossierCode == null || dossierCode.isBlank() ? null : dossierCode.strip())
                .stream().map(StatusReport::toJson).toList();
        return Map.of("notice", NOTICE, "reports", reports);
    }
}
