package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    private final SyslogFormat format = new SyslogFormat(13, "node 1", "egov-platform", "audit@32473");

    @Test
    void aFrameIsTheOctetCountThenAnRfc5424MessageWithAByteOrderMarkBeforeTheJson() {
        AuditRecord denied = AuditRecord.builder(AuditActions.ACCESS_DENIED, Outcome.DENIED)
                .at(Instant.parse("2026-11-27T07:13:00.5Z"))
                .actor(Actor.user("cán-bộ"))
                .object("http-request", "/api/v1/audit/verify")
                .from("192.0.2.7", null)
                .detail("quote", "a\"b]c\\d")
                .build();
        AuditEntry entry = AuditEntry.seal(5, EntryContent.of(denied, Instant.EPOCH), AuditEntry.GENESIS);

        byte[] frame = format.frame(entry);
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        byte[] message = Arrays.copyOfRange(frame, space + 1, frame.length);

        assertThat(Integer.parseInt(text.substring(0, space))).isEqualTo(message.length);
        assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("<108>1 2026-11-27T07:13:00.500000Z node_1 egov-platform - ACCESS_DENIED "
                + "[audit@32473 seq=\"5\" outcome=\"DENIED\" actor=\"cán-bộ\" objectType=\"http-request\" "
                + "objectId=\"/api/v1/audit/verify\" ip=\"192.0.2.7\" hash=\"" + entry.hash() + "\" prevHash=\"" + AuditEntry.GENESIS + "\"] \uFEFF{");
        assertThat(new String(message, StandardCharsets.UTF_8)).endsWith(CanonicalJson.line(entry));
    }

    @Test
    void structuredDataValuesEscapeQuoteBackslashAndBracket() {
        assertThat(SyslogFormat.paramValue("a\"b]c\\d")).isEqualTo("a\\\"b\\]c\\\\d");
        assertThat(SyslogFormat.header("", 10)).isEqualTo("-");
        assertThat(SyslogFormat.header("x".repeat(40), 32)).hasSize(32);
    }

    @Test
    void severityFollowsTheOutcome() {
        assertThat(SyslogFormat.severity(Outcome.SUCCESS)).isEqualTo(6);
        assertThat(SyslogFormat.severity(Outcome.FAILURE)).isEqualTo(5);
        assertThat(SyslogFormat.severity(Outcome.DENIED)).isEqualTo(4);
        assertThatThrownBy(() -> new SyslogFormat(13, "h", "a", "bad id")).hasMessageContaining("sd-id");
    }
}
