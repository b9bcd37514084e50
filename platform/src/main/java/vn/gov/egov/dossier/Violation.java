package vn.gov.egov.dossier;

/**
 * One broken rule of a submission.
 *
 * @param field   where: {@code procedureCode}, {@code form.hoTen}, {@code documents[1]}, a required document's name…
 * @param rule    a stable code, e.g. {@code unknown-procedure}, {@code not-online}, {@code not-representative},
 *                {@code required-document}, {@code required}, {@code pattern}, {@code type-mismatch}, {@code too-large}
 * @param message Vietnamese, naming the field or file and the rule
 */
public record Violation(String field, String rule, String message) {
}
