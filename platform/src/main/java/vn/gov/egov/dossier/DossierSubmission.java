package vn.gov.egov.dossier;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a citizen or business submits online.
 *
 * @param procedureCode   national procedure code, e.g. {@code 1.000001}
 * @param agencyCode      the receiving agency (catalog code) among the procedure's implementing agencies; may be
 *                        {@code null} when the procedure has only one
 * @param businessTaxCode the business the citizen submits for, {@code null} for themselves
 * @param form            the filled e-form (the current version's fields), {@code null} when the procedure has none
 * @param documents       the documents, by required document
 * @param resultDelivery  how to receive the result
 * @param deliveryAddress postal address for {@link ResultDelivery#BY_POST}
 */
public record DossierSubmission(String procedureCode, String agencyCode, String businessTaxCode, JsonNode form,
                                List<AttachedDocument> documents, ResultDelivery resultDelivery, String deliveryAddress) {

    public DossierSubmission {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
