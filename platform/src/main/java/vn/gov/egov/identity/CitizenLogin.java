package vn.gov.egov.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.Sex;
import vn.gov.egov.personaldata.TaxCode;

/**
 * A citizen (or a business's representative) logs in through VNeID: their account is created or brought up to date
 * from the identity the national system vouches for, and they are known on the platform by their account id, never
 * by their personal identification number.
 */
class CitizenLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String CITIZEN = "ROLE_CITIZEN";
    static final String ACCOUNT_CLAIM = "egov_citizen_id";
    private static final Logger log = LoggerFactory.getLogger(CitizenLogin.class);

    private final OidcUserService vneid = new OidcUserService();
    private final CitizenAccounts accounts;
    private final LoginHistory history;
    private final Clock clock = Clock.systemUTC();

    CitizenLogin(CitizenAccounts accounts, LoginHistory history) {
        this.accounts = accounts;
        this.history = history;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = vneid.loadUser(request);
        CitizenAccounts.Profile profile = profile(user);
        UUID id = accounts.signIn(profile, clock.instant());
        history.record(id.toString(), LoginHistory.Kind.LOGIN_SUCCEEDED, OfficialLogin.clientIp(), OfficialLogin.userAgent());
        // the session (and the SSO's authorization store) keeps only who this is, not the personal data VNeID sent
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.getSubject());
        claims.put("name", profile.fullName());
        claims.put(ACCOUNT_CLAIM, id.toString());
        Map<String, Object> idClaims = new HashMap<>(claims);
        idClaims.put("iss", user.getIdToken().getIssuer().toString());
        OidcIdToken idToken = new OidcIdToken("vneid-id-token-not-kept", user.getIdToken().getIssuedAt(),
                user.getIdToken().getExpiresAt(), idClaims);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        user.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority || a.getClass() == SimpleGrantedAuthority.class)
                .forEach(authorities::add);
        authorities.add(new SimpleGrantedAuthority(CITIZEN));
        if (authorities.stream().noneMatch(a -> a instanceof FactorGrantedAuthority)) {
            // when the person authenticated (at VNeID): the SSO's tokens carry it as auth_time
            authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                    .issuedAt(clock.instant()).build());
        }
        return new DefaultOidcUser(authorities, idToken, new OidcUserInfo(claims), ACCOUNT_CLAIM);
    }

    static CitizenAccounts.Profile profile(OidcUser user) {
        String personalId = user.getClaimAsString("personal_id");
        PersonalIdentificationNumber number;
        try {
            number = PersonalIdentificationNumber.of(personalId);
        } catch (InvalidPersonalData e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_identity",
                    "VNeID không trả về số định danh cá nhân hợp lệ: " + e.getMessage(), null));
        }
        LocalDate birthDate = user.getBirthdate() == null ? null : LocalDate.parse(user.getBirthdate());
        Sex sex = "female".equals(user.getGender()) ? Sex.FEMALE : "male".equals(user.getGender()) ? Sex.MALE : null;
        if (!number.isConsistentWith(birthDate, sex)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_identity",
                    "Số định danh cá nhân không khớp năm sinh hoặc giới tính do VNeID cung cấp", null));
        }
        Object level = user.getClaims().get("identity_level");
        return new CitizenAccounts.Profile(number, user.getFullName() == null ? user.getClaimAsString("name") : user.getFullName(),
                birthDate, user.getGender(), user.getAddress() == null ? null : user.getAddress().getFormatted(),
                user.getPhoneNumber(), user.getEmail(), level == null ? null : Integer.valueOf(level.toString()),
                user.getSubject(), businesses(user));
    }

    @SuppressWarnings("unchecked")
    private static List<CitizenAccounts.Representation> businesses(OidcUser user) {
        List<CitizenAccounts.Representation> result = new ArrayList<>();
        Object claim = user.getClaims().get("representative_of");
        if (!(claim instanceof List<?> list)) {
            return result;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> business) {
                String taxCode = String.valueOf(business.get("tax_code"));
                try {
                    TaxCode.of(taxCode);
                    result.add(new CitizenAccounts.Representation(taxCode, String.valueOf(business.get("name")),
                            business.get("role") == null ? null : String.valueOf(business.get("role"))));
                } catch (InvalidPersonalData e) {
                    log.warn("VNeID named a business with an invalid tax code; representation not recorded: {}", e.getMessage());
                }
            }
        }
        return result;
    }
}
