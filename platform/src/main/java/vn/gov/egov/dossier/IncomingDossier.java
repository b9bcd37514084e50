package vn.gov.egov.dossier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A dossier that arrives other than through the province's own portal: brought to the desk (the officer registers it,
 * scanning the papers), sent by post (VNPost delivers it), or submitted on the national public-service portal.
 *
 * @param externalReference the national portal's dossier id or the VNPost item number; registering the same one twice
 *                          gives the same dossier. {@code null} at the desk.
 * @param applicantAccount  the applicant's account on the platform if known, else {@code null}
 * @param personalId        the applicant's personal identification number (12 digits), may be {@code null} for
 *                          an organisation without one
 * @param registeredBy      the officer (desk) or the channel adapter's name
 * @param submittedAt       when the applicant submitted (at the national portal, at the post office), or now
 */
public record IncomingDossier(DossierChannel channel, String externalReference, String procedureCode, String agencyCode,
                              UUID applicantAccount, String applicantName, String personalId, String phoneNumber,
                              String email, String address, String businessTaxCode, String businessName, JsonNode form,
                              List<AttachedDocument> documents, ResultDelivery resultDelivery, String deliveryAddress,
                              String registeredBy, Instant submittedAt) {

    public IncomingDossier {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
