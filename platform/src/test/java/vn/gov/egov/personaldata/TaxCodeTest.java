package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"0100109106", "0300588569", "0100233488", "0314409058", "0314409058-002"})
    void realCodesPassTheCheckDigit(String code) {
        assertThat(TaxCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void aDependentUnitBelongsToItsOrganisation() {
        TaxCode branch = TaxCode.of("0314 409 058 - 002");

        assertThat(branch.value()).isEqualTo("0314409058-002");
        assertThat(branch.isDependentUnit()).isTrue();
        assertThat(branch.organisation()).isEqualTo(TaxCode.of("0314409058"));
        assertThat(TaxCode.of("0100109106").isDependentUnit()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "0100109107,     check-digit",    // last digit mistyped
            "0100190106,     check-digit",    // two digits swapped
            "0100233480,     check-digit",
            "010010910,      format",
            "01001091060,    format",
            "0100109106-01,  format",
            "0100109106001,  format",         // the dash is part of a dependent unit's code
            "020185012345,   format",         // an individual's personal identification number is not a tax code here
            "01A0109106,     format",
            "0100000000,     sequence",
            "0100109106-000, dependent-unit",
            "'',             required",
    })
    void aCodeThatBreaksARuleIsRefusedWithThatRule(String typed, String rule) {
        assertThatThrownBy(() -> TaxCode.of(typed))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> {
                    assertThat(e.field()).isEqualTo("taxCode");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void aNineDigitSumWithRemainderZeroAdmitsNoCheckDigit() {
        // 29·1 + 3·5 = 44 ≡ 0 (mod 11): the check digit would be 10, so 010000005x is refused whatever x is
        for (int x = 0; x <= 9; x++) {
            String code = "010000005" + x;
            assertThatThrownBy(() -> TaxCode.of(code))
                    .isInstanceOfSatisfying(InvalidPersonalData.class, e -> assertThat(e.rule()).isEqualTo("check-digit"));
        }
    }

    @Test
    void itIsMaskedInListsAndInItsTextForm() {
        assertThat(TaxCode.of("0100109106").masked()).isEqualTo("010****106");
        assertThat(TaxCode.of("0314409058-002")).hasToString("031********002");
    }
}
