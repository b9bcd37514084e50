package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextMaskingTest {

    @Test
    void personalNumbersInTextAreMasked() {
        assertThat(FreeTextMasking.mask("CCCD 020190001123, ĐT 0912345678")).isEqualTo("CCCD 020******123, ĐT 091****678");
    }

    @Test
    void digitsInsideAHashAreLeftAloneSoThatTheCheckpointStillMatches() {
        String hash = "2f90ef91a738217663257bd0c1e9f00d2f90ef91a738217663257bd0c1e9f00d";
        assertThat(FreeTextMasking.mask("upToHash=" + hash)).isEqualTo("upToHash=" + hash);
    }

    @Test
    void logLinesAlsoMaskANumberGluedToLetters() {
        assertThat(FreeTextMasking.maskEverywhere("cccd=id020190001123x")).isEqualTo("cccd=id020******123x");
        assertThat(FreeTextMasking.mask("cccd=id020190001123x")).isEqualTo("cccd=id020190001123x");
    }
}
