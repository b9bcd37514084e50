package vn.gov.egov.eform;

/**
 * One broken rule of a filled form.
 *
 * @param path    where, e.g. {@code hoTen} or {@code thanhVien[1].soDinhDanh}; empty for the form as a whole
 * @param rule    a stable code: {@code required}, {@code type}, {@code enum}, {@code minLength}, {@code maxLength},
 *                {@code pattern}, {@code minimum}, {@code maximum}, {@code format}, {@code unknown-property}
 * @param message Vietnamese, naming the field by its label
 */
public record FieldError(String path, String rule, String message) {
}
