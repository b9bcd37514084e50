package vn.gov.egov.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry as an RFC 5424 syslog message, framed by octet counting (RFC 6587 §3.4.1, also RFC 5425 for TLS):
 * <pre>
 * 412 &lt;110&gt;1 2026-11-27T07:13:00.123456Z node-1 egov-platform - LOGIN [audit@32473 seq="42" outcome="SUCCESS" …] BOM{…}
 * </pre>
 * PRI is facility × 8 + severity (SUCCESS informational 6, FAILURE notice 5, DENIED warning 4); the timestamp is the
 * entry's, in UTC with microseconds; MSGID is the action; the structured data carries the entry's fields and hashes;
 * MSG is the entry's canonical JSON line (the JSON-lines export's line), UTF-8 after a byte order mark.
 */
final class SyslogFormat {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final int facility;
    private final String hostname;
    private final String appName;
    private final String sdId;

    SyslogFormat(int facility, String hostname, String appName, String sdId) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0–23, not " + facility);
        }
        this.facility = facility;
        this.hostname = header(hostname, 255);
        this.appName = header(appName, 48);
        this.sdId = sdName(sdId);
    }

    static int severity(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> 6;
            case FAILURE -> 5;
            case DENIED -> 4;
        };
    }

    /** The syslog message without framing. */
    byte[] message(AuditEntry entry) {
        EntryContent c = entry.content();
        StringBuilder head = new StringBuilder(256)
                .append('<').append(facility * 8 + severity(c.outcome())).append(">1 ")
                .append(CanonicalJson.instant(c.at())).append(' ')
                .append(hostname).append(' ')
                .append(appName).append(" - ")
                .append(header(c.action(), 32)).append(' ')
                .append('[').append(sdId);
        structuredData(entry).forEach((name, value) -> {
            if (value != null) {
                head.append(' ').append(name).append("=\"").append(paramValue(value)).append('"');
            }
        });
        head.append("] ");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(BOM);
        out.writeBytes(CanonicalJson.line(entry).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code MSG-LEN SP SYSLOG-MSG}. */
    byte[] frame(AuditEntry entry) {
        byte[] message = message(entry);
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + message.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(message, 0, frame, length.length, message.length);
        return frame;
    }

    private static Map<String, String> structuredData(AuditEntry entry) {
        EntryContent c = entry.content();
        Map<String, String> sd = new LinkedHashMap<>();
        sd.put("seq", Long.toString(entry.sequence()));
        sd.put("outcome", c.outcome().name());
        sd.put("actor", c.actorId());
        sd.put("roles", c.actorRoles().isEmpty() ? null : String.join(",", c.actorRoles()));
        sd.put("agency", c.actorAgency());
        sd.put("objectType", c.objectType());
        sd.put("objectId", c.objectId());
        sd.put("changed", c.changedFields().isEmpty() ? null : String.join(",", c.changedFields().keySet()));
        sd.put("ip", c.sourceIp());
        sd.put("requestId", c.requestId());
        sd.put("hash", entry.hash());
        sd.put("prevHash", entry.previousHash());
        return sd;
    }

    /** PARAM-VALUE: UTF-8 with {@code "}, {@code \} and {@code ]} escaped (RFC 5424 §6.3.3). */
    static String paramValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A header field: printable US-ASCII, at most {@code max} characters, {@code -} when empty. */
    static String header(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 ? c : '_');
        }
        return out.toString();
    }

    /** SD-ID: printable US-ASCII except {@code = ] "} and space, 1–32 characters. */
    private static String sdName(String value) {
        if (value == null || value.isEmpty() || value.length() > 32
                || value.chars().anyMatch(c -> c < 33 || c > 126 || c == '=' || c == ']' || c == '"')) {
            throw new IllegalArgumentException("egov.audit.syslog.sd-id must be 1–32 printable characters without = ] \" "
                    + "or spaces, like audit@32473, not '" + value + "'");
        }
        return value;
    }
}
