package vn.gov.egov.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The procedure catalog as other modules read it. Every read is as of a date. */
public interface Procedures {

    Optional<Procedure> find(String code, LocalDate asOf);

    ProcedurePage search(ProcedureQuery query);

    /** Every recorded version of one procedure, oldest first. */
    List<Procedure> versions(String code);
}
