package vn.gov.egov.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingConverterTest {

    @Test
    void personalIdentificationNumbersAndPhoneNumbersAreMaskedInLogs() {
        assertThat(PersonalDataMaskingConverter.mask("Công dân 020190001123 gọi từ 0912345678 và +84912345678"))
                .isEqualTo("Công dân 020******123 gọi từ 091****678 và +84******678");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        assertThat(PersonalDataMaskingConverter.mask("Hồ sơ 000.00.12.H20-251127-0007, 12345 bản, năm 2025"))
                .isEqualTo("Hồ sơ 000.00.12.H20-251127-0007, 12345 bản, năm 2025");
    }
}
