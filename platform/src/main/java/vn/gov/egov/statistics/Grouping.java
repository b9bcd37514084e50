package vn.gov.egov.statistics;

import java.util.Locale;
import java.util.Optional;

/** What the statistics are counted per: the receiving agency, the procedure's field, or the procedure. */
public enum Grouping {
    AGENCY("Cơ quan"), FIELD("Lĩnh vực"), PROCEDURE("Thủ tục");

    private final String vietnameseName;

    Grouping(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** The lower-case name used in URLs ({@code agency|field|procedure}). */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grouping> of(String parameter) {
        for (Grouping g : values()) {
            if (g.parameter().equals(parameter)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
