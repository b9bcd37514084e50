package vn.gov.egov.postal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;

/**
 * Takes in the postal dossiers VNPost delivered: each is registered by post with the item number as reference
 * (idempotent, so a crash before the acknowledgement only repeats it), then acknowledged with its dossier code. One the
 * platform refuses stays in the intake log with the reasons and is refused to VNPost, which returns it to its sender
 * (told again at the next poll if VNPost could not be reached); it is not registered again.
 */
@Component
class PostalIntake {

    static final String CHANNEL_NAME = "VNPost";
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PostalIntake.class);

    record Result(int fetched, int registered, int refused, int failed) {
    }

    private final VnpostClient vnpost;
    private final DossierReception reception;
    private final PostalIntakeLog log;

    PostalIntake(VnpostClient vnpost, DossierReception reception, PostalIntakeLog log) {
        this.vnpost = vnpost;
        this.reception = reception;
        this.log = log;
    }

    /** One poll of VNPost; never throws, the outcome is in the log and on the administrator's page. */
    synchronized Result poll() {
        Instant started = Instant.now();
        List<JsonNode> waiting;
        try {
            waiting = vnpost.waiting(BATCH);
        } catch (RuntimeException e) {
            LOG.warn("VNPost: polling failed: {}", e.toString());
            log.polled(started, 0, "Không lấy được bưu gửi từ VNPost: " + e.getMessage());
            return new Result(0, 0, 0, 1);
        }
        int registered = 0;
        int refused = 0;
        int failed = 0;
        for (JsonNode item : waiting) {
            String number = text(item, "itemNumber");
            try {
                var earlier = log.find(number);
                if (earlier.isPresent() && earlier.get().refused()) {
                    // refused before, but VNPost was not told then (unreachable): tell it now
                    vnpost.refuse(number, earlier.get().reasons());
                    log.acknowledged(number, Instant.now());
                    continue;
                }
                Instant acceptedAt = instant(text(item, "acceptedAt"));
                Dossiers.Submitted submitted;
                try {
                    submitted = reception.register(incoming(item, acceptedAt));
                } catch (SubmissionRefused e) {
                    String reasons = String.join("; ", e.violations().stream().map(Violation::message).toList());
                    log.refused(number, text(item, "procedureCode"), text(item, "agencyCode"), acceptedAt, reasons, Instant.now());
                    refused++;
                    vnpost.refuse(number, reasons);
                    log.acknowledged(number, Instant.now());
                    continue;
                }
                String code = submitted.code().toString();
                log.registered(number, text(item, "procedureCode"), text(item, "agencyCode"), acceptedAt, code, Instant.now());
                vnpost.acknowledge(number, code);
                log.acknowledged(number, Instant.now());
                registered++;
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("VNPost: item {} not taken in: {}", number, e.toString());
            }
        }
        log.polled(started, waiting.size(), failed == 0 ? null
                : "%d bưu gửi chưa nhận được do lỗi; sẽ thử lại ở lần đồng bộ sau".formatted(failed));
        return new Result(waiting.size(), registered, refused, failed);
    }

    static IncomingDossier incoming(JsonNode item, Instant acceptedAt) {
        JsonNode sender = item.path("sender");
        List<AttachedDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int i = 0;
        for (JsonNode doc : item.path("documents")) {
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
        String deliveryText = text(item, "resultDelivery");
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
        JsonNode form = item.get("form");
        return new IncomingDossier(DossierChannel.BY_POST, text(item, "itemNumber"), text(item, "procedureCode"), text(item, "agencyCode"),
                null, text(sender, "fullName"), text(sender, "personalId"), text(sender, "phoneNumber"), null, text(sender, "address"),
                null, null, form == null || form.isNull() ? null : form, documents, delivery, text(item, "returnAddress"),
                CHANNEL_NAME, acceptedAt);
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
