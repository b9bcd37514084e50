package vn.gov.egov.procedure;

/** One of the required documents: how many originals and how many copies, and the blank form to fill in, if any. */
public record RequiredDocument(String name, int originals, int copies, String formTemplate) {
}
