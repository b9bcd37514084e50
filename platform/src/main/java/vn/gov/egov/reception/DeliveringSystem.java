package vn.gov.egov.reception;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;

/**
 * Another system that delivers dossiers to the province (the national public-service portal, VNPost): what
 * {@link DossierIntake} asks of its adapter. The adapter reads the system's items into {@link IncomingDossier}s
 * (the static readers here serve the JSON shape the national systems share) and answers the system: the dossier code
 * of an item registered, or the reasons of one refused.
 */
public interface DeliveringSystem {

    /** The channel its dossiers enter by; the intake log is kept per channel. */
    DossierChannel channel();

    /** The system's name in messages ("Cổng DVC quốc gia", "VNPost"). */
    String name();

    /** What it delivers, in messages ("hồ sơ", "bưu gửi"). */
    String itemName();

    /** Items delivered and not answered yet, oldest first, at most {@code limit}. */
    List<JsonNode> waiting(int limit);

    /**
     * What the intake log keeps of an item, even one refused: its reference at the system (the portal's dossier id,
     * VNPost's item number), procedure, agency and when it was submitted.
     */
    record Item(String reference, String procedureCode, String agencyCode, Instant submittedAt) {
    }

    /** The item's reference, procedure, agency and submission time (null where missing). */
    Item describe(JsonNode item);

    /** The dossier to register; throws {@link SubmissionRefused} naming the fields that cannot be read. */
    IncomingDossier incoming(JsonNode item);

    /** Tells the system the item became the dossier {@code dossierCode}. */
    void acknowledge(String reference, String dossierCode);

    /** Tells the system the province does not receive the item, with the reasons; repeatable. */
    void refuse(JsonNode item, String reasons);

    /** The documents of an item ({@code requiredDocument, fileName, mediaType, contentBase64}); a file that is not base64 is a violation. */
    static List<AttachedDocument> documents(JsonNode array, List<Violation> violations) {
        List<AttachedDocument> documents = new ArrayList<>();
        int i = 0;
        for (JsonNode doc : array) {
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
        return documents;
    }

    /** How the applicant wants the result ({@link ResultDelivery}'s name), null when not said; an unknown one is a violation. */
    static ResultDelivery delivery(String text, List<Violation> violations) {
        if (text == null) {
            return null;
        }
        try {
            return ResultDelivery.valueOf(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("resultDelivery", "unknown", "Hình thức nhận kết quả '%s' không được hỗ trợ".formatted(text)));
            return null;
        }
    }

    /** The field's text, stripped; null when missing, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }

    /** An ISO-8601 instant, or null when missing or not one. */
    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
