package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912345678       | 0912345678",
            "091 234 5678     | 0912345678",
            "0912.345.678     | 0912345678",
            "+84912345678     | 0912345678",
            "+84 912 345 678  | 0912345678",
            "+84 (0) 912345678| 0912345678",
            "0084912345678    | 0912345678",
            "0356-789-012     | 0356789012",
            "(0205) 3812 345  | 02053812345",
            "+84 24 3825 1234 | 02438251234",
    })
    void typedFormsAreNormalizedToTheNationalForm(String typed, String national) {
        assertThat(PhoneNumber.of(typed).value()).isEqualTo(national);
    }

    @Test
    void mobileAndFixedLineNumbers() {
        PhoneNumber mobile = PhoneNumber.of("0912345678");
        PhoneNumber langSonOffice = PhoneNumber.of("02053812345");

        assertThat(mobile.isMobile()).isTrue();
        assertThat(mobile.international()).isEqualTo("+84912345678");
        assertThat(langSonOffice.isMobile()).isFalse();
        assertThat(langSonOffice.international()).isEqualTo("+842053812345");
    }

    @ParameterizedTest
    @CsvSource({
            "091234567,    length",   // a mobile number has 10 digits
            "09123456789,  length",
            "0205381234,   length",   // a fixed-line number has 11
            "912345678,    prefix",   // the national 0 is missing
            "0112345678,   prefix",   // no 01x numbers since 2018
            "0412345678,   prefix",
            "0612345678,   prefix",
            "19001234,     prefix",   // a service number, not a person's
            "0912a45678,   digits",
            "'',           required",
    })
    void aNumberThatBreaksARuleIsRefusedWithThatRule(String typed, String rule) {
        assertThatThrownBy(() -> PhoneNumber.of(typed))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> {
                    assertThat(e.field()).isEqualTo("phoneNumber");
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).contains("Số điện thoại");
                    if (!typed.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(typed);
                    }
                });
    }

    @Test
    void itIsMaskedInListsAndInItsTextForm() {
        assertThat(PhoneNumber.of("0912345678").masked()).isEqualTo("091****678");
        assertThat(PhoneNumber.of("+84912345678")).hasToString("091****678");
        assertThat(PhoneNumber.of("02053812345").masked()).isEqualTo("020*****345");
    }
}
