package vn.gov.egov.personaldata;

import java.util.List;

/**
 * Service provider interface: a module that stores sealed values publishes one bean per column (per purpose), so
 * that {@link RotatingKeys} can reseal the column with the active key after a key change.
 * <p>
 * A store over a table could read:
 * <pre>{@code
 * SELECT id, personal_id FROM identity_account
 *  WHERE personal_id IS NOT NULL AND NOT starts_with(personal_id, :prefix) AND id > :after
 *  ORDER BY id LIMIT :limit                      -- prefix = PersonalDataProtection.sealedPrefix(activeKeyId)
 * UPDATE identity_account SET personal_id = :resealed WHERE id = :id AND personal_id = :current
 * }</pre>
 */
public interface SealedValueStore {

    /** The purpose the column's values are sealed for, e.g. {@code identity.account.personal_id}. */
    String purpose();

    /**
     * Up to {@code limit} non-null values that are not sealed with {@code activeKeyId}, in the store's own stable order
     * of ids, starting after {@code afterId} ({@code null}: from the start). Fewer than {@code limit} means there are
     * no more.
     */
    List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit);

    /**
     * Replaces the value if the row still holds {@code current.sealed()} (a concurrent change wins); returns whether
     * it did.
     */
    boolean replace(SealedValue current, String resealed);
}
