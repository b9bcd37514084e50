package vn.gov.egov.lgsp.registry;

/** One broken rule: the field, a stable rule name, and a Vietnamese message naming both. */
public record RegistryViolation(String field, String rule, String message) {
}
