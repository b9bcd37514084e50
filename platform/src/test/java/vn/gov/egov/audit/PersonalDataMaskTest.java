package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void personalNumbersInTextAreMasked() {
        assertThat(PersonalDataMask.mask("CCCD 020190001123, ĐT 0912345678")).isEqualTo("CCCD 020******123, ĐT 091****678");
    }

    @Test
    void digitsInsideAHashAreLeftAloneSoThatTheCheckpointStillMatches() {
        String hash = "2f90ef91a738217663257bd0c1e9f00d2f90ef91a738217663257bd0c1e9f00d";
        assertThat(PersonalDataMask.mask("upToHash=" + hash)).isEqualTo("upToHash=" + hash);
    }
}
