package vn.gov.egov.personaldata;

import java.util.List;

/**
 * What one run of {@link RotatingKeys#resealAll()} did.
 *
 * @param activeKeyId the key the values were resealed with
 * @param stores      one entry per {@link SealedValueStore}
 */
public record RotationReport(String activeKeyId, List<Store> stores) {

    public RotationReport {
        stores = List.copyOf(stores);
    }

    /**
     * @param purpose          the store's purpose
     * @param resealed         values now sealed with the active key
     * @param changedMeanwhile values another writer changed between reading and replacing (left to that writer)
     * @param unreadableIds    ids of values that could not be opened (key no longer configured, changed data); they
     *                         keep their old value and are logged
     * @param failure          why the store could not be walked to its end, or {@code null}
     */
    public record Store(String purpose, int resealed, int changedMeanwhile, List<String> unreadableIds, String failure) {

        public Store {
            unreadableIds = List.copyOf(unreadableIds);
        }

        public boolean complete() {
            return unreadableIds.isEmpty() && failure == null;
        }
    }

    /** Whether every store now holds only values sealed with the active key (as far as this run could see). */
    public boolean complete() {
        return stores.stream().allMatch(Store::complete);
    }

    public int resealed() {
        return stores.stream().mapToInt(Store::resealed).sum();
    }
}
