package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentificationNumberTest {

    @Test
    void aLangSonNumberOfAWomanBornIn1985() {
        PersonalIdentificationNumber number = PersonalIdentificationNumber.of(" 020185012345 ");

        assertThat(number.value()).isEqualTo("020185012345");
        assertThat(number.provinceCode()).isEqualTo("020");
        assertThat(number.birthCentury()).isEqualTo(1900);
        assertThat(number.birthYearDigits()).isEqualTo(85);
        assertThat(number.birthYear()).isEqualTo(1985);
        assertThat(number.sex()).isEqualTo(Sex.FEMALE);
    }

    @ParameterizedTest
    @CsvSource({
            "020090000001, 1900, MALE,   1990",
            "020199000002, 1900, FEMALE, 1999",
            "020207000003, 2000, MALE,   2007",
            "020324000004, 2000, FEMALE, 2024",
            "020400000005, 2100, MALE,   2100",
            "020501000006, 2100, FEMALE, 2101",
    })
    void theFourthDigitCarriesSexAndCentury(String digits, int century, Sex sex, int birthYear) {
        PersonalIdentificationNumber number = PersonalIdentificationNumber.of(digits);

        assertThat(number.birthCentury()).isEqualTo(century);
        assertThat(number.sex()).isEqualTo(sex);
        assertThat(number.birthYear()).isEqualTo(birthYear);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001085000001", "079185000001", "096085000001", "004285000001"})
    void numbersOfOtherProvincesAreValidToo(String digits) {
        assertThat(PersonalIdentificationNumber.of(digits).value()).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource({
            "000185012345, province-code",  // no province 00
            "003185012345, province-code",  // 03 was never a province code
            "028185012345, province-code",  // Hà Tây merged into Hà Nội in 2008: born there means 001
            "097185012345, province-code",  // beyond 096
            "120185012345, province-code",  // the first digit is always 0
            "020685012345, sex-century",    // 6-9 are for births after 2199
            "020985012345, sex-century",
            "02018501234,  length",
            "0201850123456, length",
            "02018501234a, digits",
            "020 185 012 345, digits",
    })
    void aNumberThatBreaksARuleIsRefusedWithThatRule(String digits, String rule) {
        assertThatThrownBy(() -> PersonalIdentificationNumber.of(digits))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> {
                    assertThat(e.field()).isEqualTo("personalIdentificationNumber");
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).contains("định danh cá nhân").doesNotContain(digits);
                });
    }

    @Test
    void theMessagesNameTheRuleInVietnamese() {
        assertThatThrownBy(() -> PersonalIdentificationNumber.of("003185012345"))
                .hasMessage("Ba chữ số đầu của số định danh cá nhân (003) không phải mã tỉnh nơi đăng ký khai sinh.");
        assertThatThrownBy(() -> PersonalIdentificationNumber.of("020685012345"))
                .hasMessage("Chữ số thứ tư của số định danh cá nhân (mã giới tính và thế kỷ sinh) phải từ 0 đến 5.");
        assertThatThrownBy(() -> PersonalIdentificationNumber.of("0201"))
                .hasMessage("Số định danh cá nhân phải có đúng 12 chữ số (đã nhập 4 chữ số).");
        assertThatThrownBy(() -> PersonalIdentificationNumber.of("  "))
                .hasMessage("Số định danh cá nhân là bắt buộc.");
        assertThatThrownBy(() -> PersonalIdentificationNumber.of(null))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> assertThat(e.rule()).isEqualTo("required"));
    }

    @Test
    void theListOfProvinceCodesHasTheSixtyThreeProvincesBeforeTheMerger() {
        assertThat(ProvincesOfBirthRegistration.count()).isEqualTo(63);
    }

    @Test
    void birthDateAndSexMustAgreeWithTheNumber() {
        PersonalIdentificationNumber number = PersonalIdentificationNumber.of("020185012345");

        assertThat(number.isConsistentWith(LocalDate.of(1985, 3, 2), Sex.FEMALE)).isTrue();
        assertThat(number.isConsistentWith(LocalDate.of(1986, 3, 2), Sex.FEMALE)).isFalse();
        assertThat(number.isConsistentWith(LocalDate.of(2085, 3, 2), Sex.FEMALE)).as("same digits, other century")
                .isFalse();
        assertThat(number.isConsistentWith(LocalDate.of(1985, 3, 2), Sex.MALE)).isFalse();
        assertThat(number.isConsistentWith(null, Sex.FEMALE)).as("unknown birth date is not compared").isTrue();
        assertThat(number.isConsistentWith(LocalDate.of(1985, 3, 2), null)).as("unknown sex is not compared").isTrue();
    }

    @Test
    void aFormLearnsWhichPartDisagrees() {
        PersonalIdentificationNumber number = PersonalIdentificationNumber.of("020207000003");

        number.requireConsistentWith(LocalDate.of(2007, 12, 31), Sex.MALE);
        assertThatThrownBy(() -> number.requireConsistentWith(LocalDate.of(2008, 1, 1), Sex.MALE))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> assertThat(e.rule()).isEqualTo("birth-year"))
                .hasMessageContaining("Năm sinh 2008 không khớp");
        assertThatThrownBy(() -> number.requireConsistentWith(LocalDate.of(2007, 1, 1), Sex.FEMALE))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> assertThat(e.rule()).isEqualTo("sex"))
                .hasMessageContaining("Giới tính không khớp");
    }

    @Test
    void itIsMaskedInListsAndInItsTextForm() {
        PersonalIdentificationNumber number = PersonalIdentificationNumber.of("020190001123");

        assertThat(number.masked()).isEqualTo("020******123");
        assertThat(number).hasToString("020******123");
        assertThat("Công dân " + number).doesNotContain("020190001123");
        assertThat(number).isEqualTo(PersonalIdentificationNumber.of("020190001123"));
    }
}
