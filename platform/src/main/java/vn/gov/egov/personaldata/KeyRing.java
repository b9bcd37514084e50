package vn.gov.egov.personaldata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured keys, checked: every problem is reported at start-up, together, naming the property and never
 * showing a key.
 */
final class KeyRing {

    static final String PREFIX = "egov.personal-data.";
    static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private final Map<String, SecretKey> keys;
    private final String activeId;
    private final SecretKey indexKey;

    private KeyRing(Map<String, SecretKey> keys, String activeId, SecretKey indexKey) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeId = activeId;
        this.indexKey = indexKey;
    }

    static KeyRing from(PersonalDataProperties properties) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> material = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        if (properties.keys() != null) {
            properties.keys().forEach((id, value) -> sources.put(PREFIX + "keys." + id, id + ":" + value));
        }
        String keyList = properties.keyList();
        if (keyList != null && !keyList.isBlank()) {
            String unset = unresolved(keyList);
            if (unset != null) {
                problems.add(PREFIX + "key-list: " + unset);
            } else {
                String[] entries = keyList.split(",");
                for (int i = 0; i < entries.length; i++) {
                    String entry = entries[i].strip();
                    if (entry.isEmpty()) {
                        continue;
                    }
                    if (entry.indexOf(':') < 1) {
                        problems.add(PREFIX + "key-list: entry " + (i + 1) + " is not of the form <id>:<base64 key>");
                    } else {
                        sources.put(PREFIX + "key-list (entry " + (i + 1) + ")", entry);
                    }
                }
            }
        }
        sources.forEach((property, entry) -> {
            String id = entry.substring(0, entry.indexOf(':')).strip();
            if (!KEY_ID.matcher(id).matches()) {
                problems.add(property + ": a key id must be 1 to 32 characters of a-z, 0-9, '-' and '_', starting with"
                        + " a letter or digit");
                return;
            }
            byte[] key = decode(property, entry.substring(entry.indexOf(':') + 1), properties.publishedKeysAllowed(),
                    problems);
            if (key != null && material.putIfAbsent(id, key) != null) {
                problems.add(property + ": the key id '" + id + "' is configured twice");
            }
        });
        if (material.isEmpty() && problems.isEmpty()) {
            problems.add(PREFIX + "keys.<id>: no encryption key is configured"
                    + " (in production set EGOV_PERSONAL_DATA_ENCRYPTION_KEYS)");
        }

        String activeId = properties.activeKey() == null ? null : properties.activeKey().strip();
        if (activeId == null || activeId.isEmpty()) {
            problems.add(PREFIX + "active-key: not set; it names the key that seals new values");
        } else if (unresolved(activeId) != null) {
            problems.add(PREFIX + "active-key: " + unresolved(activeId));
        } else if (!material.containsKey(activeId)) {
            // echo it only if it looks like an id: a key pasted here by mistake must not reach the log
            String named = KEY_ID.matcher(activeId).matches() ? "'" + activeId + "'" : "the value";
            problems.add(PREFIX + "active-key: " + named + " is not a configured key id (configured: "
                    + (material.isEmpty() ? "none" : String.join(", ", new TreeSet<>(material.keySet()))) + ")");
        }

        byte[] index = properties.indexKey() == null || properties.indexKey().isBlank()
                ? missing(PREFIX + "index-key", problems)
                : decode(PREFIX + "index-key", properties.indexKey(), properties.publishedKeysAllowed(), problems);
        if (index != null && material.values().stream().anyMatch(key -> Arrays.equals(key, index))) {
            problems.add(PREFIX + "index-key: must differ from every encryption key");
        }

        if (!problems.isEmpty()) {
            throw new IllegalStateException("Personal data protection is not configured correctly (see docs/operations.md,"
                    + " \"Personal data keys\"):\n  - " + String.join("\n  - ", problems));
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        material.forEach((id, key) -> {
            keys.put(id, new SecretKeySpec(key, "AES"));
            Arrays.fill(key, (byte) 0);
        });
        SecretKey indexKey = new SecretKeySpec(index, "HmacSHA256");
        Arrays.fill(index, (byte) 0);
        return new KeyRing(keys, activeId, indexKey);
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    /** The key of this id, or {@code null} when it is not configured. */
    SecretKey key(String id) {
        return keys.get(id);
    }

    Set<String> ids() {
        return keys.keySet();
    }

    SecretKey indexKey() {
        return indexKey;
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeId + ", keys=" + keys.keySet() + "]";
    }

    private static byte[] decode(String property, String value, boolean publishedAllowed, List<String> problems) {
        String unset = unresolved(value);
        if (unset != null) {
            problems.add(property + ": " + unset);
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(property + ": not valid Base64 (generate a key with: openssl rand -base64 32)");
            return null;
        }
        if (key.length != KEY_BYTES) {
            problems.add(property + ": must be " + KEY_BYTES + " bytes (AES-256) in Base64, but it decodes to "
                    + key.length + " bytes (generate a key with: openssl rand -base64 32)");
            return null;
        }
        if (!publishedAllowed && PublishedKeys.contains(key)) {
            problems.add(property + ": this key is published in the project's source code (demo and test profiles);"
                    + " generate a secret one with: openssl rand -base64 32");
            return null;
        }
        return key;
    }

    private static byte[] missing(String property, List<String> problems) {
        problems.add(property + ": not set; 32 random bytes in Base64 (openssl rand -base64 32)");
        return null;
    }

    /** For a value that is still a placeholder, such as {@code ${EGOV_PERSONAL_DATA_ENCRYPTION_KEYS}}, what is missing. */
    private static String unresolved(String value) {
        Matcher matcher = UNRESOLVED.matcher(value.strip());
        return matcher.matches() ? "the environment variable " + matcher.group(1) + " is not set" : null;
    }
}
