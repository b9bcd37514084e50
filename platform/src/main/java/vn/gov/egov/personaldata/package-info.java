/**
 * Personal data protection: the value types of personal data (personal identification number, phone number, tax
 * code, postal address) with their validation and masking, and the sealing of such values at rest.
 * <p>
 * A module that stores personal data keeps it in its own tables, sealed with
 * {@link vn.gov.egov.personaldata.PersonalDataProtection} (AES-256-GCM, keys from configuration, bound to a purpose
 * such as {@code identity.account.personal_id}), finds rows through a blind index
 * ({@link vn.gov.egov.personaldata.PersonalDataProtection#lookupKey}) and, so that keys can be rotated, publishes a
 * {@link vn.gov.egov.personaldata.SealedValueStore} bean that {@link vn.gov.egov.personaldata.RotatingKeys} walks.
 * Lists and logs show only the masked forms ({@code 020******123}); the value types' {@code toString()} is masked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personal data protection")
package vn.gov.egov.personaldata;
