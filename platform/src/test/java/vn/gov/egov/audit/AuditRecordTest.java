package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditRecordTest {

    @Test
    void anAuditableEventSurvivesTheEventOutboxsJsonRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        AuditableEventOccurred event = new AuditableEventOccurred(CanonicalFormTest.EDIT);

        AuditableEventOccurred read = json.readValue(json.writeValueAsString(event), AuditableEventOccurred.class);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void aRecordNeedsAnActionAndAnOutcome() {
        assertThatThrownBy(() -> AuditRecord.builder(" ", Outcome.SUCCESS).build()).hasMessageContaining("action");
        assertThatThrownBy(() -> AuditRecord.builder(AuditActions.LOGIN, null).build()).hasMessageContaining("outcome");
        assertThat(AuditRecord.builder(AuditActions.LOGIN, Outcome.SUCCESS).build().details()).isEmpty();
    }
}
