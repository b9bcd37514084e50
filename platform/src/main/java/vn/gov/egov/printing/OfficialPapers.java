package vn.gov.egov.printing;

/** Prints official papers. */
public interface OfficialPapers {

    /** The paper as a PDF (A4 portrait, 20–30 mm margins per NĐ 30/2020, wraps long text, continues on more pages). */
    byte[] render(Paper paper);
}
