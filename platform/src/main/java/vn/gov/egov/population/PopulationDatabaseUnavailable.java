package vn.gov.egov.population;

/** The national population database did not answer (unreachable, timed out, refused or unreadable answer). */
public class PopulationDatabaseUnavailable extends RuntimeException {

    public PopulationDatabaseUnavailable(String detail, Throwable cause) {
        super("Cơ sở dữ liệu quốc gia về dân cư không phản hồi (" + detail + "). Vui lòng thử lại sau.", cause);
    }
}
