package vn.gov.egov.personaldata;

/**
 * A personal data value that breaks a rule. The message is Vietnamese and meant for the person who typed the value;
 * it never contains the value itself, so the exception may be logged.
 */
public class InvalidPersonalData extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidPersonalData(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The field, e.g. {@code personalIdentificationNumber} or {@code postalAddress.commune}. */
    public String field() {
        return field;
    }

    /** A stable code of the broken rule, e.g. {@code length}, {@code province-code}, {@code check-digit}. */
    public String rule() {
        return rule;
    }
}
