package vn.gov.egov.procedure;

/** Why one record was refused: its code, the field at fault, the rule and a Vietnamese explanation. */
record RecordError(String code, String field, String rule, String message) {
}
