package vn.gov.egov.personaldata;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys of personal data protection. Checked at start-up by {@link KeyRing#from}; see docs/operations.md.
 *
 * @param keys                  {@code egov.personal-data.keys.<id>}: AES-256 keys, 32 random bytes in Base64, by key
 *                              id ({@code [a-z0-9][a-z0-9_-]*}, at most 32 characters)
 * @param keyList               {@code egov.personal-data.key-list}: the same as one line, {@code id:base64,id:base64};
 *                              production sets it from {@code EGOV_PERSONAL_DATA_ENCRYPTION_KEYS}. (Not
 *                              {@code EGOV_PERSONAL_DATA_KEYS}: Boot would bind that one to the map {@code keys} and
 *                              fail; and variables {@code EGOV_PERSONAL_DATA_KEYS_<ID>} do not reach the map at all.)
 * @param activeKey             {@code egov.personal-data.active-key}: the id of the key that seals; the others only open
 * @param indexKey              {@code egov.personal-data.index-key}: HMAC-SHA256 key of the lookup keys, 32 bytes in
 *                              Base64, different from every encryption key
 * @param publishedKeysAllowed  {@code egov.personal-data.published-keys-allowed}: accept the keys written in this
 *                              repository's demo and test profiles; false by default, so a copied demo key stops
 *                              production from starting
 * @param rotation              the scheduled resealing
 */
@ConfigurationProperties("egov.personal-data")
record PersonalDataProperties(Map<String, String> keys,
                              String keyList,
                              String activeKey,
                              String indexKey,
                              boolean publishedKeysAllowed,
                              @DefaultValue Rotation rotation) {

    /**
     * @param cron      {@code egov.personal-data.rotation.cron}: when to reseal every store's older values with the
     *                  active key, a Spring cron expression in Asia/Ho_Chi_Minh time; {@code -} (the default) never
     * @param batchSize {@code egov.personal-data.rotation.batch-size}: values read and resealed per query (default 200)
     */
    record Rotation(@DefaultValue("-") String cron, @DefaultValue("200") int batchSize) {
    }

    @Override
    public String toString() {
        return "PersonalDataProperties[keys=" + (keys == null ? "[]" : keys.keySet()) + ", activeKey=" + activeKey
                + ", indexKey=" + (indexKey == null ? "unset" : "(hidden)") + ", rotation=" + rotation + "]";
    }
}
