package vn.gov.egov.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Citizens' and businesses' accounts for other modules: a citizen acts for themselves and for the businesses they
 * represent, and for nobody else. A citizen is known by their account id (the SSO's subject), never by their number.
 */
public interface Citizens {

    /** A citizen as other modules may see them: the personal identification number only masked. */
    record Citizen(UUID accountId, String fullName, String maskedPersonalId, List<RepresentedBusiness> represented) {

        /** The tax codes of the businesses and organisations the citizen may act for. */
        public List<String> representedTaxCodes() {
            return represented.stream().map(RepresentedBusiness::taxCode).toList();
        }

        /** The name of a business the citizen represents, or {@code null}. */
        public String businessName(String taxCode) {
            return represented.stream().filter(b -> b.taxCode().equals(taxCode)).map(RepresentedBusiness::name).findFirst().orElse(null);
        }
    }

    /** A business or organisation the citizen may act for, by its tax code and registered name. */
    record RepresentedBusiness(String taxCode, String name) {
    }

    Optional<Citizen> byAccountId(UUID accountId);

    /**
     * The citizen's own data, unmasked: ONLY to pre-fill their own forms and to reach them (notifications).
     * Never log it, never show it to anyone but the citizen.
     *
     * @param sex     {@code male}, {@code female} or {@code null}, as VNeID gives it
     * @param address the address VNeID gives, on one line; may be {@code null}
     */
    record CitizenProfile(UUID accountId, String personalId, String fullName, LocalDate birthDate, String sex,
                          String address, String phoneNumber, String email) {
    }

    Optional<CitizenProfile> profile(UUID accountId);

    /** Whether the citizen may act for the business with this tax code. */
    boolean represents(UUID accountId, String taxCode);

    /**
     * The account id of the citizen behind a request: a VNeID page session or a citizen's bearer token from the
     * province's SSO (both name the citizen by account id). Empty for officials, applications and anonymous callers.
     */
    static Optional<UUID> accountIdOf(org.springframework.security.core.Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getAuthorities().stream()
                .noneMatch(a -> CitizenLogin.CITIZEN.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(authentication.getName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
