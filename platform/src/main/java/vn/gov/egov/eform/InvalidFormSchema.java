package vn.gov.egov.eform;

/** A form definition outside the supported JSON Schema subset; the message says where and why. */
public class InvalidFormSchema extends IllegalArgumentException {

    public InvalidFormSchema(String message) {
        super(message);
    }
}
