package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataProtectionTest {

    private static final String PERSONAL_ID = "identity.account.personal_id";
    private static final String PHONE = "identity.account.phone";

    private final String key2025 = TestKeys.randomKey();
    private final String key2026 = TestKeys.randomKey();
    private final String indexKey = TestKeys.randomKey();
    private final PersonalDataProtection before = TestKeys.protection(Map.of("k2025", key2025), "k2025", indexKey);
    private final PersonalDataProtection after =
            TestKeys.protection(Map.of("k2025", key2025, "k2026", key2026), "k2026", indexKey);

    @Test
    void aSealedValueNamesItsKeyAndDoesNotContainThePlaintext() {
        String sealed = before.seal(PERSONAL_ID, "020185012345");

        assertThat(sealed).startsWith("pd1:k2025:").doesNotContain("020185012345").doesNotContain("012345");
        assertThat(sealed.substring("pd1:k2025:".length())).matches("[A-Za-z0-9_-]+");
        assertThat(sealed).hasSize(5 + "k2025".length() + (4 * (12 + 12 + 16) + 2) / 3);
        assertThat(before.open(PERSONAL_ID, sealed)).isEqualTo("020185012345");
    }

    @Test
    void twoSealsOfTheSameValueDiffer() {
        assertThat(before.seal(PERSONAL_ID, "020185012345")).isNotEqualTo(before.seal(PERSONAL_ID, "020185012345"));
    }

    @Test
    void vietnameseTextAndEmptyTextSurviveAndNullStaysNull() {
        String address = "Số 12 đường Trần Đăng Ninh, Phường Tam Thanh, Tỉnh Lạng Sơn";

        assertThat(before.open("identity.account.address", before.seal("identity.account.address", address)))
                .isEqualTo(address);
        assertThat(before.open(PHONE, before.seal(PHONE, ""))).isEmpty();
        assertThat(before.seal(PHONE, null)).isNull();
        assertThat(before.open(PHONE, null)).isNull();
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = before.seal(PERSONAL_ID, "020185012345");
        // the IV, the ciphertext, the tag (the very last character holds padding bits, so the one before it)
        for (int position : new int[] {12, 30, sealed.length() - 2}) {
            String changed = sealed.substring(0, position) + (sealed.charAt(position) == 'A' ? 'B' : 'A')
                    + sealed.substring(position + 1);
            assertThatThrownBy(() -> before.open(PERSONAL_ID, changed))
                    .isInstanceOfSatisfying(SealedValueUnreadable.class,
                            e -> assertThat(e.reason()).isEqualTo(SealedValueUnreadable.Reason.NOT_AUTHENTIC))
                    .hasMessage("Cannot open a value sealed for 'identity.account.personal_id' with key 'k2025':"
                            + " it was changed, or it was sealed for another purpose");
        }
    }

    @Test
    void aValueCopiedToAnotherColumnDoesNotOpen() {
        String sealed = before.seal(PERSONAL_ID, "020185012345");

        assertThatThrownBy(() -> before.open("dossier.applicant.personal_id", sealed))
                .isInstanceOfSatisfying(SealedValueUnreadable.class,
                        e -> assertThat(e.reason()).isEqualTo(SealedValueUnreadable.Reason.NOT_AUTHENTIC))
                .hasMessageContaining("sealed for another purpose")
                .hasMessageNotContaining("020185012345");
    }

    @Test
    void aValueWhoseHeaderNamesAnotherKeyDoesNotOpen() {
        String sealed = after.seal(PERSONAL_ID, "020185012345");
        String relabelled = sealed.replace("pd1:k2026:", "pd1:k2025:");

        assertThatThrownBy(() -> after.open(PERSONAL_ID, relabelled))
                .isInstanceOfSatisfying(SealedValueUnreadable.class,
                        e -> assertThat(e.reason()).isEqualTo(SealedValueUnreadable.Reason.NOT_AUTHENTIC));
    }

    @Test
    void somethingThatWasNeverSealedIsReportedAsSuch() {
        for (String notSealed : new String[] {"020185012345", "pd1:", "pd1::abc", "pd2:k2025:abc", "pd1:k2025:a!b",
                "pd1:k2025:AAAA"}) {
            assertThatThrownBy(() -> before.open(PERSONAL_ID, notSealed))
                    .isInstanceOfSatisfying(SealedValueUnreadable.class,
                            e -> assertThat(e.reason()).isEqualTo(SealedValueUnreadable.Reason.MALFORMED))
                    .hasMessageNotContaining("020185012345");
        }
    }

    @Test
    void aValueOfARemovedKeyNamesTheMissingKey() {
        String sealed = after.seal(PERSONAL_ID, "020185012345");

        assertThatThrownBy(() -> before.open(PERSONAL_ID, sealed))
                .isInstanceOfSatisfying(SealedValueUnreadable.class,
                        e -> assertThat(e.reason()).isEqualTo(SealedValueUnreadable.Reason.UNKNOWN_KEY))
                .hasMessage("Cannot open a value sealed for 'identity.account.personal_id' with key 'k2026':"
                        + " the key is not configured (configured: k2025)");
    }

    @Test
    void afterRotationOldValuesStillOpenAndResealWithTheActiveKey() {
        String old = before.seal(PERSONAL_ID, "020185012345");

        assertThat(after.open(PERSONAL_ID, old)).as("an older key still opens").isEqualTo("020185012345");
        assertThat(after.isSealedWithActiveKey(old)).isFalse();
        String resealed = after.reseal(PERSONAL_ID, old);
        assertThat(resealed).startsWith("pd1:k2026:");
        assertThat(after.isSealedWithActiveKey(resealed)).isTrue();
        assertThat(after.open(PERSONAL_ID, resealed)).isEqualTo("020185012345");
        assertThat(after.reseal(PERSONAL_ID, resealed)).as("already current: unchanged").isSameAs(resealed);
        assertThat(after.open(PERSONAL_ID, old)).as("the old ciphertext is still openable").isEqualTo("020185012345");
        assertThatThrownBy(() -> after.reseal(PHONE, old)).isInstanceOf(SealedValueUnreadable.class);
    }

    @Test
    void onlyTheActiveKeySeals() {
        assertThat(after.activeKeyId()).isEqualTo("k2026");
        assertThat(after.seal(PHONE, "0912345678")).startsWith(PersonalDataProtection.sealedPrefix("k2026"));
        assertThat(after.isSealedWithActiveKey("0912345678")).isFalse();
        assertThat(after.isSealedWithActiveKey(null)).isFalse();
    }

    @Test
    void theLookupKeyIsStableAndDiffersBetweenPurposesAndValues() {
        String lookup = before.lookupKey(PERSONAL_ID, "020185012345");

        assertThat(lookup).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("020185012345");
        assertThat(before.lookupKey(PERSONAL_ID, "020185012345")).isEqualTo(lookup);
        assertThat(after.lookupKey(PERSONAL_ID, "020185012345")).as("encryption key rotation keeps lookup keys")
                .isEqualTo(lookup);
        assertThat(before.lookupKey("dossier.applicant.personal_id", "020185012345")).isNotEqualTo(lookup);
        assertThat(before.lookupKey(PERSONAL_ID, "020185012346")).isNotEqualTo(lookup);
        assertThat(TestKeys.protection(Map.of("k2025", key2025), "k2025", TestKeys.randomKey())
                .lookupKey(PERSONAL_ID, "020185012345")).as("another index key").isNotEqualTo(lookup);
        assertThat(before.lookupKey(PERSONAL_ID, null)).isNull();
    }

    @Test
    void aPurposeIsAPlainDottedNameAndIsNeverEchoed() {
        assertThatThrownBy(() -> before.seal("020185012345", "identity.account.personal_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("020185012345");
        for (String purpose : new String[] {null, "", "Identity.account", "identity..account", "identity account",
                "identity.account.", "a".repeat(101)}) {
            assertThatThrownBy(() -> before.seal(purpose, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> before.lookupKey(purpose, "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
