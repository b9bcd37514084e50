package vn.gov.egov.printing;

/** Prints official papers. */
public interface OfficialPapers {

    /** The paper as a PDF (A4 portrait, 20–30 mm margins per NĐ 30/2020, wraps long text, continues on more pages). */
    byte[] render(Paper paper);

    /**
     * The TrueType file of the regular font papers are printed in (DejaVu Sans), for text another module draws on a
     * paper (the visible digital signature): the cut-down font (Vietnamese and Latin letters, punctuation; a small
     * file, quick to parse) when it has every letter of {@code text}, otherwise the whole font. Embed it as a subset.
     */
    byte[] regularFont(String text);
}
