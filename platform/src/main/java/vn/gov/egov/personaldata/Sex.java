package vn.gov.egov.personaldata;

/** Sex as recorded in the national population database and encoded in the personal identification number. */
public enum Sex {
    MALE,
    FEMALE
}
