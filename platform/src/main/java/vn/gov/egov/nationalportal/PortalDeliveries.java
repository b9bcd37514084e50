package vn.gov.egov.nationalportal;

import static vn.gov.egov.reception.DeliveringSystem.instant;
import static vn.gov.egov.reception.DeliveringSystem.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;
import vn.gov.egov.reception.DeliveringSystem;

/**
 * The dossiers citizens submitted on the national portal, as the one-stop desk's {@link vn.gov.egov.reception.DossierIntake}
 * takes them in: read from the portal's JSON, acknowledged with their dossier code, or reported to the portal as not
 * received (status 3) with the reasons, after which the portal no longer offers them.
 */
@Component
class PortalDeliveries implements DeliveringSystem {

    static final String CHANNEL_NAME = "Cổng DVC quốc gia";

    private final NationalPortalClient portal;

    PortalDeliveries(NationalPortalClient portal) {
        this.portal = portal;
    }

    @Override
    public DossierChannel channel() {
        return DossierChannel.NATIONAL_PORTAL;
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    @Override
    public String itemName() {
        return "hồ sơ";
    }

    @Override
    public List<JsonNode> waiting(int limit) {
        return portal.waiting(limit);
    }

    @Override
    public Item describe(JsonNode item) {
        return new Item(text(item, "portalDossierId"), text(item, "procedureCode"), text(item, "agencyCode"), instant(text(item, "submittedAt")));
    }

    @Override
    public void acknowledge(String portalDossierId, String dossierCode) {
        portal.acknowledge(portalDossierId, dossierCode);
    }

    @Override
    public void refuse(JsonNode dossier, String reasons) {
        String portalDossierId = text(dossier, "portalDossierId");
        String procedureCode = text(dossier, "procedureCode");
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
        portal.report(report);
    }

    /** The portal's dossier as the platform registers it; a file that is not base64 is refused like any bad file. */
    @Override
    public IncomingDossier incoming(JsonNode d) {
        JsonNode applicant = d.path("applicant");
        List<Violation> violations = new ArrayList<>();
        List<AttachedDocument> documents = DeliveringSystem.documents(d.path("documents"), violations);
        ResultDelivery delivery = DeliveringSystem.delivery(text(d, "resultDelivery"), violations);
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        JsonNode form = d.get("form");
        Item item = describe(d);
        return new IncomingDossier(DossierChannel.NATIONAL_PORTAL, item.reference(), item.procedureCode(), item.agencyCode(), null,
                text(applicant, "fullName"), text(applicant, "personalId"),
                text(applicant, "phoneNumber"), text(applicant, "email"),
                text(applicant, "address"), null, null, form == null || form.isNull() ? null : form, documents, delivery,
                text(d, "deliveryAddress"), CHANNEL_NAME, item.submittedAt());
    }
}
