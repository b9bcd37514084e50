package vn.gov.egov.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;

/** Citizens' and businesses' accounts; personal identification numbers, addresses and phones are stored sealed. */
@Repository
class CitizenAccounts {

    static final String PERSONAL_ID = "identity.citizen.personal_id";
    static final String ADDRESS = "identity.citizen.address";
    static final String PHONE = "identity.citizen.phone";
    private static final String READ_IN_REQUEST = CitizenAccounts.class.getName() + ".citizen:";

    record Citizen(UUID id, PersonalIdentificationNumber personalId, String fullName, LocalDate birthDate, String sex,
                   String address, String phone, String email, Integer identityLevel) {
    }

    record Representation(String taxCode, String businessName, String role) {
    }

    record Profile(PersonalIdentificationNumber personalId, String fullName, LocalDate birthDate, String sex, String address,
                   String phone, String email, Integer identityLevel, String vneidSubject, List<Representation> businesses) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    CitizenAccounts(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Creates the person's account at the first login, brings it up to date at the next ones; returns its id. */
    UUID signIn(Profile profile, Instant now) {
        String lookup = protection.lookupKey(PERSONAL_ID, profile.personalId().value());
        Optional<UUID> existing = jdbc.sql("SELECT id FROM citizen_account WHERE personal_id_lookup = ?").param(lookup)
                .query(UUID.class).optional();
        UUID id = existing.orElseGet(UUID::randomUUID);
        jdbc.sql("""
                INSERT INTO citizen_account (id, personal_id_lookup, personal_id_sealed, full_name, birth_date, sex, address_sealed,
                                             phone_sealed, email, identity_level, vneid_subject, last_login_at)
                VALUES (:id, :lookup, :pid, :name, :birth, :sex, :address, :phone, :email, :level, :subject, :now)
                ON CONFLICT (personal_id_lookup) DO UPDATE SET full_name = EXCLUDED.full_name, birth_date = EXCLUDED.birth_date,
                    sex = EXCLUDED.sex, address_sealed = EXCLUDED.address_sealed, phone_sealed = EXCLUDED.phone_sealed,
                    email = EXCLUDED.email, identity_level = EXCLUDED.identity_level, vneid_subject = EXCLUDED.vneid_subject,
                    last_login_at = EXCLUDED.last_login_at
                """)
                .param("id", id).param("lookup", lookup)
                .param("pid", protection.seal(PERSONAL_ID, profile.personalId().value()))
                .param("name", profile.fullName())
                .param("birth", profile.birthDate() == null ? null : Date.valueOf(profile.birthDate()))
                .param("sex", profile.sex())
                .param("address", protection.seal(ADDRESS, profile.address()))
                .param("phone", protection.seal(PHONE, profile.phone()))
                .param("email", profile.email())
                .param("level", profile.identityLevel())
                .param("subject", profile.vneidSubject())
                .param("now", Timestamp.from(now))
                .update();
        for (Representation business : profile.businesses()) {
            UUID businessId = jdbc.sql("""
                    INSERT INTO business_account (id, tax_code, name) VALUES (?, ?, ?)
                    ON CONFLICT (tax_code) DO UPDATE SET name = EXCLUDED.name RETURNING id
                    """).params(UUID.randomUUID(), business.taxCode(), business.businessName()).query(UUID.class).single();
            jdbc.sql("""
                    INSERT INTO business_representative (business_id, citizen_id, role, source) VALUES (?, ?, ?, 'vneid')
                    ON CONFLICT (business_id, citizen_id) DO UPDATE SET role = EXCLUDED.role, confirmed_at = now(), ended_at = NULL
                    """).params(businessId, id, business.role()).update();
        }
        // representations the identity provider no longer confirms end now
        List<String> confirmed = profile.businesses().stream().map(Representation::taxCode).toList();
        jdbc.sql("""
                UPDATE business_representative r SET ended_at = now()
                FROM business_account b WHERE r.business_id = b.id AND r.citizen_id = :citizen AND r.ended_at IS NULL
                  AND NOT (b.tax_code = ANY (string_to_array(:confirmed, ',')))
                """).param("citizen", id).param("confirmed", String.join(",", confirmed)).update();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(READ_IN_REQUEST + id, RequestAttributes.SCOPE_REQUEST);
        }
        return id;
    }

    /**
     * The account with its sealed values opened. Within one web request an account is read once: a submission asks for
     * its applicant's profile to pre-fill and check the dossier, then again to notify the applicant. A sign-in forgets
     * what its request read.
     */
    Optional<Citizen> byId(UUID id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read(id);
        }
        String key = READ_IN_REQUEST + id;
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Citizen read) {
            return Optional.of(read);
        }
        Optional<Citizen> found = read(id);
        found.ifPresent(citizen -> request.setAttribute(key, citizen, RequestAttributes.SCOPE_REQUEST));
        return found;
    }

    private Optional<Citizen> read(UUID id) {
        return jdbc.sql("SELECT * FROM citizen_account WHERE id = ?").param(id)
                .query((rs, n) -> new Citizen(rs.getObject("id", UUID.class),
                        PersonalIdentificationNumber.of(protection.open(PERSONAL_ID, rs.getString("personal_id_sealed"))),
                        rs.getString("full_name"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("sex"), protection.open(ADDRESS, rs.getString("address_sealed")),
                        protection.open(PHONE, rs.getString("phone_sealed")), rs.getString("email"),
                        (Integer) rs.getObject("identity_level")))
                .optional();
    }

    List<Representation> representations(UUID citizenId) {
        return jdbc.sql("""
                SELECT b.tax_code, b.name, r.role FROM business_representative r JOIN business_account b ON b.id = r.business_id
                WHERE r.citizen_id = ? AND r.ended_at IS NULL ORDER BY b.name
                """).param(citizenId).query((rs, n) -> new Representation(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    boolean represents(UUID citizenId, String taxCode) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM business_representative r JOIN business_account b ON b.id = r.business_id
                               WHERE r.citizen_id = ? AND b.tax_code = ? AND r.ended_at IS NULL)
                """).params(citizenId, taxCode).query(Boolean.class).single();
    }
}
