package vn.gov.egov.dossier;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A dossier in full, for its applicant and for the officers of its receiving agency.
 *
 * @param form            the filled form (opened from its sealed form), {@code null} when none
 * @param missingItems    what the desk asked for in the last supplement request, while it is open
 * @param maskedPersonalId the applicant's personal identification number, masked
 * @param receivingAgencyName the receiving agency's name in the agencies catalog today
 */
public record DossierDetail(DossierSummary summary, Integer formVersion, JsonNode form, String maskedPersonalId,
                            String businessTaxCode, ResultDelivery resultDelivery, String deliveryAddress,
                            String externalReference, List<DossierDocument> documents, List<DossierPaper> papers,
                            List<DossierStep> steps, List<MissingItem> missingItems, String receivingAgencyName) {
}
