package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DossierCodeTest {

    @Test
    void aWellFormedCodeIsReadIntoAgencyDateAndSequence() {
        DossierCode code = DossierCode.parse("000.00.10.H20-251127-0007");
        assertThat(code.agencyCode()).isEqualTo("000.00.10.H20");
        assertThat(code.date()).isEqualTo(LocalDate.of(2025, 11, 27));
        assertThat(code.sequence()).isEqualTo(7);
        assertThat(code).hasToString("000.00.10.H20-251127-0007");
    }

    @Test
    void theCodePrintsTheSequenceWithFourDigitsAndTheDateAsYymmdd() {
        assertThat(new DossierCode("001.00.40.H20", LocalDate.of(2024, 2, 29), 1)).hasToString("001.00.40.H20-240229-0001");
        assertThat(new DossierCode("001.00.40.H20", LocalDate.of(2024, 2, 29), 9999)).hasToString("001.00.40.H20-240229-9999");
        assertThat(DossierCode.parse("001.00.40.H20-240229-9999")).isEqualTo(new DossierCode("001.00.40.H20", LocalDate.of(2024, 2, 29), 9999));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "000.00.10.H20-251127                | <mã cơ quan>-<YYMMDD>-<NNNN>",
            "000.00.10.H20-251127-0007-1         | <mã cơ quan>-<YYMMDD>-<NNNN>",
            "000.00.10.h20-251127-0007           | QCVN 102:2016",
            "00.00.10.H20-251127-0007            | QCVN 102:2016",
            "000.00.10.H2-251127-0007            | QCVN 102:2016",
            "000.00.10.H20-25112-0007            | 6 chữ số YYMMDD",
            "000.00.10.H20-2511270-0007          | 6 chữ số YYMMDD",
            "000.00.10.H20-251131-0007           | không phải ngày có thật",
            "000.00.10.H20-250229-0007           | không phải ngày có thật",
            "000.00.10.H20-251327-0007           | không phải ngày có thật",
            "000.00.10.H20-251127-007            | 4 chữ số",
            "000.00.10.H20-251127-00007          | 4 chữ số",
            "000.00.10.H20-251127-000A           | 4 chữ số",
            "000.00.10.H20-251127-0000           | 0001 đến 9999",
    })
    void aMalformedCodeIsRefusedNamingTheRuleItBreaks(String text, String rule) {
        assertThatThrownBy(() -> DossierCode.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rule).hasMessageContaining(text);
    }

    @Test
    void anEmptyCodeIsRefused() {
        assertThatThrownBy(() -> DossierCode.parse(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trống");
        assertThatThrownBy(() -> DossierCode.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeCannotBeBuiltOutsideTheFormat() {
        assertThatThrownBy(() -> new DossierCode("000.00.10.H20", LocalDate.of(2025, 1, 1), 10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0001–9999");
        assertThatThrownBy(() -> new DossierCode("000.00.10.H20", LocalDate.of(2025, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0001–9999");
        assertThatThrownBy(() -> new DossierCode("SO-TP", LocalDate.of(2025, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QCVN 102:2016");
        assertThatThrownBy(() -> new DossierCode("000.00.10.H20", LocalDate.of(2100, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYMMDD");
    }
}
