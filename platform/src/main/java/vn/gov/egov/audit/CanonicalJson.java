package vn.gov.egov.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of an entry: what is hashed, exported as a JSON line and sent as the syslog message.
 * <p>
 * Canonical form, version 1 (the rules of RFC 8785 for the values used here): an object whose keys are sorted by
 * UTF-16 code units at every level, with no whitespace; strings written as themselves in UTF-8 except {@code "} and
 * {@code \} (escaped with a backslash), {@code \b \f \n \r \t} and the other control characters below U+0020
 * (backslash, {@code u00}, two lowercase hex digits); the sequence number as a plain integer; no other numbers, so no floating formats.
 * Keys, always all present ({@code null} when empty):
 * <pre>
 * v            1
 * sequence     1, 2, 3, … without gaps
 * at           UTC, exactly six fraction digits: "2026-11-27T07:13:00.123456Z"
 * actor        {"agency", "id", "name", "roles": [sorted role names]}
 * action, objectType, objectId, outcome, sourceIp, userAgent, requestId
 * changedFields {"field": {"after", "before"}}   ({} when none)
 * details      {"key": "value"}                 ({} when none)
 * previousHash the previous entry's hash; 64 zeros before the first entry
 * </pre>
 * {@code hash} = lowercase hex SHA-256 of the UTF-8 bytes of that object; the exported line is the same object with
 * {@code "hash"} added.
 */
final class CanonicalJson {

    static final int VERSION = 1;
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CanonicalJson() {
    }

    /** The object that is hashed. */
    static String hashed(long sequence, EntryContent content, String previousHash) {
        return write(fields(sequence, content, previousHash));
    }

    /** The exported line: the hashed object plus its hash. */
    static String line(AuditEntry entry) {
        Map<String, Object> fields = fields(entry.sequence(), entry.content(), entry.previousHash());
        fields.put("hash", entry.hash());
        return write(fields);
    }

    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    private static Map<String, Object> fields(long sequence, EntryContent c, String previousHash) {
        Map<String, Object> actor = new TreeMap<>();
        actor.put("agency", c.actorAgency());
        actor.put("id", c.actorId());
        actor.put("name", c.actorName());
        actor.put("roles", c.actorRoles());
        Map<String, Object> changed = new TreeMap<>();
        c.changedFields().forEach((field, value) -> {
            Map<String, Object> pair = new TreeMap<>();
            pair.put("after", value.after());
            pair.put("before", value.before());
            changed.put(field, pair);
        });
        Map<String, Object> fields = new TreeMap<>();
        fields.put("v", (long) VERSION);
        fields.put("sequence", sequence);
        fields.put("at", instant(c.at()));
        fields.put("actor", actor);
        fields.put("action", c.action());
        fields.put("objectType", c.objectType());
        fields.put("objectId", c.objectId());
        fields.put("changedFields", changed);
        fields.put("outcome", c.outcome().name());
        fields.put("sourceIp", c.sourceIp());
        fields.put("userAgent", c.userAgent());
        fields.put("requestId", c.requestId());
        fields.put("details", new TreeMap<>(c.details()));
        fields.put("previousHash", previousHash);
        return fields;
    }

    /** A map with string values as canonical JSON (stored in the jsonb columns). */
    static String object(Map<String, ?> map) {
        return write(new TreeMap<>(map));
    }

    /** Changed fields as stored: {"field": {"after": …, "before": …}}. */
    static String changedFields(Map<String, ChangedValue> changed) {
        Map<String, Object> out = new LinkedHashMap<>();
        changed.forEach((field, value) -> {
            Map<String, Object> pair = new TreeMap<>();
            pair.put("after", value.after());
            pair.put("before", value.before());
            out.put(field, pair);
        });
        return object(out);
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long n) {
            out.append(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not part of the canonical form: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
