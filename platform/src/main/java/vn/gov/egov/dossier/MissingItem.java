package vn.gov.egov.dossier;

/** One thing a supplement request asks for: the document (or form field) and why. */
public record MissingItem(String what, String why) {
}
