package vn.gov.egov.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an entry says, in the exact form that is stored and hashed: the instant truncated to microseconds (what
 * PostgreSQL keeps), roles sorted, maps sorted by key, free text masked, and text that PostgreSQL or UTF-8 cannot
 * hold unchanged (NUL, lone surrogates) replaced, lengths capped. Hashing this form and hashing what is read back
 * from the database therefore give the same result.
 */
record EntryContent(Instant at, String actorId, String actorName, List<String> actorRoles, String actorAgency,
                    String action, String objectType, String objectId, Map<String, ChangedValue> changedFields,
                    Outcome outcome, String sourceIp, String userAgent, String requestId, Map<String, String> details) {

    static final int SHORT = 200;
    static final int LONG = 4000;

    EntryContent {
        actorRoles = List.copyOf(actorRoles);
        changedFields = Collections.unmodifiableMap(new TreeMap<>(changedFields));
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** Normalizes what a module recorded; {@code now} stands in for a missing instant. */
    static EntryContent of(AuditRecord record, Instant now) {
        Actor actor = record.actor() != null ? record.actor() : Actor.system();
        boolean failedLogin = AuditActions.LOGIN_FAILED.equals(record.action());
        List<String> roles = new ArrayList<>();
        for (String role : actor.roles()) {
            String clean = text(role, SHORT);
            if (clean != null && !roles.contains(clean)) {
                roles.add(clean);
            }
        }
        Collections.sort(roles);
        Map<String, ChangedValue> changed = new TreeMap<>();
        record.changedFields().forEach((field, value) -> changed.put(key(field), value == null ? ChangedValue.unrecorded()
                : new ChangedValue(free(value.before()), free(value.after()))));
        Map<String, String> details = new TreeMap<>();
        record.details().forEach((key, value) -> details.put(key(key), free(value)));
        Instant at = (record.at() != null ? record.at() : now).truncatedTo(ChronoUnit.MICROS);
        // a failed login's user name is whatever was typed, so it is free text
        String actorId = failedLogin ? free(actor.userId(), SHORT) : text(actor.userId(), SHORT);
        return new EntryContent(at, actorId, free(actor.displayName(), SHORT), roles,
                text(actor.agencyCode(), SHORT), text(record.action(), SHORT), text(record.objectType(), SHORT),
                text(record.objectId(), SHORT), changed, record.outcome(), text(record.sourceIp(), 64),
                free(record.userAgent(), 512), text(record.requestId(), 100), details);
    }

    private static String key(String key) {
        String clean = text(key, SHORT);
        return clean == null ? "" : clean;
    }

    /** Free text: masked first, so that cutting it cannot leave part of a number in clear. */
    private static String free(String text, int max) {
        return text(vn.gov.egov.personaldata.FreeTextMasking.mask(text), max);
    }

    private static String free(String text) {
        return free(text, LONG);
    }

    /** Text PostgreSQL stores and gives back unchanged: no NUL, no lone surrogate, at most {@code max} characters. */
    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean bad = c == 0
                    || Character.isHighSurrogate(c) && (i + 1 >= length || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (bad && clean == null) {
                clean = new StringBuilder(length).append(value, 0, i);
            }
            if (clean != null) {
                clean.append(bad ? '\uFFFD' : c);
            }
        }
        String result = clean == null ? value : clean.toString();
        if (result.length() > max) {
            int end = Character.isHighSurrogate(result.charAt(max - 1)) ? max - 1 : max;
            result = result.substring(0, end);
        }
        return result;
    }
}
