package vn.gov.egov.personaldata;

/**
 * One stored sealed value as a {@link SealedValueStore} hands it out.
 *
 * @param id     the row's identity in its store, as text (the store converts it back)
 * @param sealed the sealed value as stored
 */
public record SealedValue(String id, String sealed) {

    @Override
    public String toString() {
        return "SealedValue[id=" + id + "]";
    }
}
