package vn.gov.egov.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Citizens' and businesses' accounts for other modules: a citizen acts for themselves and for the businesses they
 * represent, and for nobody else. A citizen is known by their account id (the SSO's subject), never by their number.
 */
public interface Citizens {

    /** A citizen as other modules may see them: the personal identification number only masked. */
    record Citizen(UUID accountId, String fullName, String maskedPersonalId, List<String> representedTaxCodes) {
    }

    Optional<Citizen> byAccountId(UUID accountId);

    /** Whether the citizen may act for the business with this tax code. */
    boolean represents(UUID accountId, String taxCode);
}
