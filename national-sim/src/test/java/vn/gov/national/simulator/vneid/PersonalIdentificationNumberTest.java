package vn.gov.national.simulator.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalIdentificationNumberTest {

    @Test
    void sexAndCenturyDigitAndYearMustMatchTheBirthDate() {
        assertThat(PersonalIdentificationNumber.isConsistent("020085999001", LocalDate.of(1985, 3, 12), "male")).isTrue();
        assertThat(PersonalIdentificationNumber.isConsistent("020192999002", LocalDate.of(1992, 7, 25), "female")).isTrue();
        assertThat(PersonalIdentificationNumber.isConsistent("020203999005", LocalDate.of(2003, 9, 30), "male")).isTrue();
        assertThat(PersonalIdentificationNumber.isConsistent("020301999004", LocalDate.of(2001, 5, 18), "female")).isTrue();
        assertThat(PersonalIdentificationNumber.isConsistent("020400999001", LocalDate.of(2100, 1, 1), "male")).isTrue();

        assertThat(PersonalIdentificationNumber.isConsistent("020185999001", LocalDate.of(1985, 3, 12), "male"))
                .as("female digit for a man").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("020285999001", LocalDate.of(1985, 3, 12), "male"))
                .as("2000s digit for a man born 1985").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("020086999001", LocalDate.of(1985, 3, 12), "male"))
                .as("wrong year digits").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("02008599900", LocalDate.of(1985, 3, 12), "male"))
                .as("11 digits").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("02008599900a", LocalDate.of(1985, 3, 12), "male"))
                .as("not digits").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("020085999001", LocalDate.of(1985, 3, 12), "other"))
                .as("unknown sex").isFalse();
        assertThat(PersonalIdentificationNumber.isConsistent("020085999001", LocalDate.of(1885, 3, 12), "male"))
                .as("before 1900").isFalse();
    }

    @Test
    void withoutTheBirthDateTheSexCenturyDigitAndAPastBirthYearAreChecked() {
        assertThat(PersonalIdentificationNumber.isPlausible("020085999001", 2026)).isTrue();
        assertThat(PersonalIdentificationNumber.isPlausible("020326999001", 2026)).as("born 2026").isTrue();
        assertThat(PersonalIdentificationNumber.isPlausible("020327999001", 2026)).as("born 2027").isFalse();
        assertThat(PersonalIdentificationNumber.isPlausible("020685999001", 2026)).as("digit 6").isFalse();
        assertThat(PersonalIdentificationNumber.isPlausible("02008599900", 2026)).isFalse();
    }

    @Test
    void masksTheMiddleForLogs() {
        assertThat(PersonalIdentificationNumber.mask("020085999123")).isEqualTo("020******123");
        assertThat(PersonalIdentificationNumber.mask("12345")).isEqualTo("************");
    }
}
