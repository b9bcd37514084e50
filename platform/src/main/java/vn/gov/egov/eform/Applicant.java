package vn.gov.egov.eform;

import java.util.UUID;

/**
 * Who fills a form: a citizen, for themselves or for a business they represent.
 *
 * @param citizenAccountId the citizen's account id (the SSO subject)
 * @param businessTaxCode  the business's tax code when the citizen applies for it, otherwise {@code null}
 */
public record Applicant(UUID citizenAccountId, String businessTaxCode) {

    public static Applicant citizen(UUID citizenAccountId) {
        return new Applicant(citizenAccountId, null);
    }

    public boolean forBusiness() {
        return businessTaxCode != null && !businessTaxCode.isBlank();
    }
}
