package vn.gov.egov.nationalportal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;

/**
 * Takes in the dossiers waiting on the national portal: each is registered (idempotent by the portal's id, so a crash
 * between registering and acknowledging only repeats the acknowledgement), then acknowledged with its dossier code. A
 * dossier the platform refuses is kept in the intake log with the reasons and reported to the portal as not received
 * (status 3); it is not tried again.
 */
@Component
class PortalIntake {

    static final String CHANNEL_NAME = "Cổng DVC quốc gia";
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PortalIntake.class);

    /** What one poll did. */
    record Result(int fetched, int registered, int refused, int failed) {
    }

    private final NationalPortalClient portal;
    private final DossierReception reception;
    private final PortalIntakeLog log;

    PortalIntake(NationalPortalClient portal, DossierReception reception, PortalIntakeLog log) {
        this.portal = portal;
        this.reception = reception;
        this.log = log;
    }

    /** One poll of the portal; never throws, the outcome is in the log and on the administrator's page. */
    synchronized Result poll() {
        Instant started = Instant.now();
        List<JsonNode> waiting;
        try {
            waiting = portal.waiting(BATCH);
        } catch (RuntimeException e) {
            LOG.warn("national portal: polling failed: {}", e.toString());
            log.polled(started, 0, "Không lấy được hồ sơ từ Cổng DVC quốc gia: " + e.getMessage());
            return new Result(0, 0, 0, 1);
        }
        int registered = 0;
        int refused = 0;
        int failed = 0;
        for (JsonNode dossier : waiting) {
            try {
                switch (take(dossier)) {
                    case REGISTERED -> registered++;
                    case REFUSED -> refused++;
                    case SKIPPED -> { }
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("national portal: dossier {} not taken in: {}", dossier.path("portalDossierId").asString(), e.toString());
            }
        }
        log.polled(started, waiting.size(), failed == 0 ? null
                : "%d hồ sơ chưa nhận được do lỗi; sẽ thử lại ở lần đồng bộ sau".formatted(failed));
        return new Result(waiting.size(), registered, refused, failed);
    }

    private enum Outcome { REGISTERED, REFUSED, SKIPPED }

    private Outcome take(JsonNode dossier) {
        String id = dossier.path("portalDossierId").asString();
        String procedureCode = text(dossier, "procedureCode");
        String agencyCode = text(dossier, "agencyCode");
        Instant submittedAt = instant(text(dossier, "submittedAt"));
        var earlier = log.find(id);
        if (earlier.isPresent() && earlier.get().refused()) {
            if (earlier.get().reportedAt() == null) {
                reportNotReceived(id, procedureCode, earlier.get().reasons());
            }
            return Outcome.SKIPPED;
        }
        Dossiers.Submitted submitted;
        try {
            submitted = reception.register(incoming(dossier, submittedAt));
        } catch (SubmissionRefused e) {
            String reasons = String.join("; ", e.violations().stream().map(Violation::message).toList());
            log.refused(id, procedureCode, agencyCode, submittedAt, reasons, Instant.now());
            reportNotReceived(id, procedureCode, reasons);
            return Outcome.REFUSED;
        }
        String code = submitted.code().toString();
        log.registered(id, procedureCode, agencyCode, submittedAt, code, Instant.now());
        portal.acknowledge(id, code);
        log.acknowledged(id, Instant.now());
        return Outcome.REGISTERED;
    }

    private void reportNotReceived(String portalDossierId, String procedureCode, String reasons) {
        Map<String, Object> report = new LinkedHashMap<>();
        // the province gave it no dossier code: the portal's id stands for it
        report.put("dossierCode", portalDossierId);
        report.put("portalDossierId", portalDossierId);
        report.put("procedureCode", procedureCode == null ? "-" : procedureCode);
        report.put("channel", DossierChannel.NATIONAL_PORTAL.nationalCode());
        report.put("status", DossierStatus.REFUSED.nationalCode());
        report.put("statusText", "Không tiếp nhận");
        report.put("at", Instant.now().toString());
        report.put("note", reasons);
        try {
            portal.report(report);
            log.reported(portalDossierId, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("national portal: refusal of {} not reported yet: {}", portalDossierId, e.toString());
        }
    }

    /** The portal's dossier as the platform registers it; a file that is not base64 is refused like any bad file. */
    static IncomingDossier incoming(JsonNode d, Instant submittedAt) {
        JsonNode applicant = d.path("applicant");
        List<AttachedDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int i = 0;
        for (JsonNode doc : d.path("documents")) {
            String required = text(doc, "requiredDocument");
            String fileName = text(doc, "fileName");
            try {
                byte[] content = Base64.getDecoder().decode(doc.path("contentBase64").asString(""));
                documents.add(AttachedDocument.uploaded(required, new Upload(required, fileName, text(doc, "mediaType"), content)));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("documents[%d]".formatted(i), "base64",
                        "Tệp '%s' không đọc được: nội dung không đúng mã hóa base64".formatted(fileName)));
            }
            i++;
        }
        ResultDelivery delivery = null;
        String deliveryText = text(d, "resultDelivery");
        if (deliveryText != null) {
            try {
                delivery = ResultDelivery.valueOf(deliveryText);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("resultDelivery", "unknown",
                        "Hình thức nhận kết quả '%s' không được hỗ trợ".formatted(deliveryText)));
            }
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        JsonNode form = d.get("form");
        return new IncomingDossier(DossierChannel.NATIONAL_PORTAL, text(d, "portalDossierId"), text(d, "procedureCode"),
                text(d, "agencyCode"), null, text(applicant, "fullName"), text(applicant, "personalId"), text(applicant, "phoneNumber"),
                text(applicant, "email"), text(applicant, "address"), null, null, form == null || form.isNull() ? null : form,
                documents, delivery, text(d, "deliveryAddress"), CHANNEL_NAME, submittedAt);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
