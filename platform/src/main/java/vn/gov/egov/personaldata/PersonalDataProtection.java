package vn.gov.egov.personaldata;

/**
 * Seals personal data for storage and opens it again.
 * <p>
 * A sealed value is a self-describing string {@code pd1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>}: AES-256-GCM
 * with a random 96-bit IV and a 128-bit tag, the key named by {@code keyId} taken from configuration. The
 * <em>purpose</em> (e.g. {@code identity.account.personal_id}) is authenticated with the value, so a sealed value
 * copied into another column, or opened by code that means something else, fails. Purposes are lower-case words
 * separated by dots, digits and underscores allowed; name them after module, table and column.
 * <p>
 * Store sealed values in {@code text} columns: a value of n UTF-8 bytes seals to 5 + |keyId| + ⌈4(n + 28)/3⌉
 * characters (a personal identification number under a 6-character key id: 65). {@code null} seals and opens to
 * {@code null}, so optional columns need no special case. Nothing here logs a plaintext or a key, and no exception
 * message contains either.
 */
public interface PersonalDataProtection {

    /** Seals with the active key. */
    String seal(String purpose, String plaintext);

    /**
     * Opens a value sealed for this purpose with any configured key, active or older.
     *
     * @throws SealedValueUnreadable when it is not a sealed value, its key is no longer configured, it was changed,
     *                               or it was sealed for another purpose
     */
    String open(String purpose, String sealed);

    /** The id of the key new values are sealed with ({@code egov.personal-data.active-key}). */
    String activeKeyId();

    /** Whether the value is a sealed value of the active key (so {@link #reseal} would leave it as it is). */
    boolean isSealedWithActiveKey(String sealed);

    /**
     * Opens the value and seals it again with the active key; a value already sealed with the active key is returned
     * unchanged.
     *
     * @throws SealedValueUnreadable as {@link #open}
     */
    String reseal(String purpose, String sealed);

    /**
     * A blind index: HMAC-SHA256 of the purpose and the value under the separate index key, base64url (43 characters).
     * It is the same for the same purpose and value, so a column of lookup keys finds the row of a personal
     * identification number without the number being stored in clear, and it differs between purposes. Pass the
     * canonical form (e.g. {@link PersonalIdentificationNumber#value()}, {@link PhoneNumber#value()}) so that
     * differently typed inputs meet. Encryption key rotation does not change lookup keys.
     */
    String lookupKey(String purpose, String normalizedValue);

    /**
     * The prefix every value sealed with this key starts with, {@code pd1:<keyId>:}; for the query of a
     * {@link SealedValueStore} ({@code NOT starts_with(column, :prefix)} in PostgreSQL; do not use {@code LIKE}, a key
     * id may contain {@code _}).
     */
    static String sealedPrefix(String keyId) {
        return AesGcmProtection.VERSION + ":" + keyId + ":";
    }
}
