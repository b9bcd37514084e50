package vn.gov.national.simulator.vneid;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * Which claims of a test identity the simulated VNeID releases, by granted scope. The same claims go into the ID
 * token and the userinfo response.
 *
 * <ul>
 * <li>{@code openid}: {@code sub} (stable and opaque, not the personal id)</li>
 * <li>{@code profile}: {@code name}, {@code birthdate} (YYYY-MM-DD), {@code gender} (male/female)</li>
 * <li>{@code address}: {@code address} (OIDC address object with {@code formatted})</li>
 * <li>{@code phone}: {@code phone_number}, {@code phone_number_verified}</li>
 * <li>{@code email}: {@code email}, {@code email_verified} (only for identities that have an e-mail)</li>
 * <li>{@code vneid.identity}: {@code personal_id} (số định danh cá nhân), {@code identity_level} (1 or 2)</li>
 * <li>{@code vneid.business}: {@code representative_of} (list of {tax_code, name, role}; only for representatives)</li>
 * </ul>
 */
public final class VneidClaims {

    public static final String SCOPE_IDENTITY = "vneid.identity";

    public static final String SCOPE_BUSINESS = "vneid.business";

    public static final List<String> SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
            OidcScopes.PHONE, OidcScopes.ADDRESS, SCOPE_IDENTITY, SCOPE_BUSINESS);

    public static final String PERSONAL_ID = "personal_id";

    public static final String IDENTITY_LEVEL = "identity_level";

    public static final String REPRESENTATIVE_OF = "representative_of";

    public static final List<String> CLAIMS = List.of("sub", "name", "birthdate", "gender", "address", "phone_number",
            "phone_number_verified", "email", "email_verified", PERSONAL_ID, IDENTITY_LEVEL, REPRESENTATIVE_OF);

    private VneidClaims() {
    }

    /** The claims for these granted scopes, without {@code sub} (the token generator sets it). */
    public static Map<String, Object> forScopes(TestIdentity identity, Collection<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put("name", identity.fullName());
            claims.put("birthdate", identity.birthDate().toString());
            claims.put("gender", identity.gender());
        }
        if (scopes.contains(OidcScopes.ADDRESS)) {
            TestIdentity.Address address = identity.address();
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("formatted", address.formatted());
            value.put("street_address", address.streetAddress());
            value.put("locality", address.commune());
            value.put("region", address.province());
            value.put("country", "VN");
            claims.put("address", value);
        }
        if (scopes.contains(OidcScopes.PHONE) && identity.phoneNumber() != null) {
            claims.put("phone_number", identity.phoneNumber());
            claims.put("phone_number_verified", true);
        }
        if (scopes.contains(OidcScopes.EMAIL) && identity.email() != null) {
            claims.put("email", identity.email());
            claims.put("email_verified", true);
        }
        if (scopes.contains(SCOPE_IDENTITY)) {
            claims.put(PERSONAL_ID, identity.personalId());
            claims.put(IDENTITY_LEVEL, identity.identityLevel());
        }
        if (scopes.contains(SCOPE_BUSINESS) && identity.business() != null) {
            TestIdentity.Business business = identity.business();
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("tax_code", business.taxCode());
            value.put("name", business.name());
            value.put("role", business.role());
            claims.put(REPRESENTATIVE_OF, List.of(value));
        }
        return claims;
    }
}
