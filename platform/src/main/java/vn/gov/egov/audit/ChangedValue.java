package vn.gov.egov.audit;

/**
 * A field's value before and after a change, as text; either may be null (created, cleared, or not worth keeping:
 * {@link #unrecorded()} says only that the field changed).
 */
public record ChangedValue(String before, String after) {

    private static final ChangedValue UNRECORDED = new ChangedValue(null, null);

    public static ChangedValue of(Object before, Object after) {
        return new ChangedValue(before == null ? null : before.toString(), after == null ? null : after.toString());
    }

    public static ChangedValue unrecorded() {
        return UNRECORDED;
    }
}
