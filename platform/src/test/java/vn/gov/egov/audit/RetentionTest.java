package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void onlineRetentionFollowsTheSecurityLevel() {
        assertThat(Retention.minimumFor(1)).isEqualTo(Period.ofMonths(1));
        assertThat(Retention.minimumFor(2)).isEqualTo(Period.ofMonths(1));
        assertThat(Retention.minimumFor(3)).isEqualTo(Period.ofMonths(3));
        assertThat(Retention.minimumFor(4)).isEqualTo(Period.ofMonths(6));
        assertThat(Retention.minimumFor(5)).isEqualTo(Period.ofMonths(12));
        assertThatThrownBy(() -> Retention.minimumFor(6)).hasMessageContaining("1 to 5");
    }

    @Test
    void aConfiguredRetentionMayLengthenButNeverShortenTheLevelsMinimum() {
        assertThat(Retention.online(properties(3, null))).isEqualTo(Period.ofMonths(3));
        assertThat(Retention.online(properties(3, Period.ofYears(1)))).isEqualTo(Period.ofYears(1));
        assertThatThrownBy(() -> Retention.online(properties(4, Period.ofMonths(3))))
                .hasMessageContaining("shorter than the P6M");
    }

    private static AuditProperties properties(int level, Period retention) {
        return new AuditProperties(level, retention, null, null, null);
    }
}
