package vn.gov.egov.postal;

import static vn.gov.egov.reception.DeliveringSystem.instant;
import static vn.gov.egov.reception.DeliveringSystem.text;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;
import vn.gov.egov.reception.DeliveringSystem;

/**
 * The postal dossiers VNPost delivered to the agency, as the one-stop desk's {@link vn.gov.egov.reception.DossierIntake}
 * takes them in: registered by post with the item number as reference and acknowledged with their dossier code, or
 * refused to VNPost, which returns the parcel to its sender with the reasons.
 */
@Component
class PostalDeliveries implements DeliveringSystem {

    static final String CHANNEL_NAME = "VNPost";

    private final VnpostClient vnpost;

    PostalDeliveries(VnpostClient vnpost) {
        this.vnpost = vnpost;
    }

    @Override
    public DossierChannel channel() {
        return DossierChannel.BY_POST;
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    @Override
    public String itemName() {
        return "bưu gửi";
    }

    @Override
    public List<JsonNode> waiting(int limit) {
        return vnpost.waiting(limit);
    }

    @Override
    public Item describe(JsonNode item) {
        return new Item(text(item, "itemNumber"), text(item, "procedureCode"), text(item, "agencyCode"), instant(text(item, "acceptedAt")));
    }

    @Override
    public void acknowledge(String itemNumber, String dossierCode) {
        vnpost.acknowledge(itemNumber, dossierCode);
    }

    @Override
    public void refuse(JsonNode item, String reasons) {
        vnpost.refuse(text(item, "itemNumber"), reasons);
    }

    @Override
    public IncomingDossier incoming(JsonNode item) {
        JsonNode sender = item.path("sender");
        List<Violation> violations = new ArrayList<>();
        List<AttachedDocument> documents = DeliveringSystem.documents(item.path("documents"), violations);
        ResultDelivery delivery = DeliveringSystem.delivery(text(item, "resultDelivery"), violations);
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        JsonNode form = item.get("form");
        Item described = describe(item);
        return new IncomingDossier(DossierChannel.BY_POST, described.reference(), described.procedureCode(), described.agencyCode(), null,
                text(sender, "fullName"), text(sender, "personalId"),
                text(sender, "phoneNumber"), null, text(sender, "address"), null, null,
                form == null || form.isNull() ? null : form, documents, delivery, text(item, "returnAddress"),
                CHANNEL_NAME, described.submittedAt());
    }
}
