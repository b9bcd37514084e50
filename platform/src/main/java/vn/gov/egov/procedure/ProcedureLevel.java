package vn.gov.egov.procedure;

import java.time.LocalDate;

/** The level of government that settles a procedure. */
public enum ProcedureLevel {
    PROVINCE,
    /** Gone from 2025-07-01 (two-level local government); kept so that earlier procedures stay readable. */
    DISTRICT,
    COMMUNE;

    public static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
}
