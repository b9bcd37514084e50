package vn.gov.egov.lgsp.registry;

/**
 * The national systems on the LGSP (reached through NDXP), registered at every start from the
 * {@code egov.national.*.base-url} properties (in development, tests and demonstrations: the simulator). A service's
 * endpoint is the system's base URL, and its OpenAPI paths are beneath it as the platform calls them (e.g.
 * {@code GET /api/citizens/{personalId}}), so an adapter reaches a national system through the gateway by using
 * {@code <gateway>/lgsp/r1/<address>} as its base URL.
 */
public final class NationalServices {

    /** Ministry of Public Security (Bộ Công an): the national population database. */
    public static final String MPS = "BCA";
    /** Ministry of Finance (Bộ Tài chính), which keeps the national business registration system since 2025. */
    public static final String MOF = "BTC";
    /** Government Office (Văn phòng Chính phủ): national procedure database, national public-service portal, PayGov. */
    public static final String GOVERNMENT_OFFICE = "VPCP";
    /** Vietnam Post (Tổng công ty Bưu điện Việt Nam): public postal service. */
    public static final String VIETNAM_POST = "VNPOST";

    /** Verify and read a citizen by personal identification number. */
    public static final ServiceAddress POPULATION = new ServiceAddress(MPS, "CSDLQGDC", "cong-dan", "v1");
    /** An enterprise by tax code. */
    public static final ServiceAddress BUSINESS_REGISTRY = new ServiceAddress(MOF, "CSDLQGDKDN", "doanh-nghiep", "v1");
    /** Procedure catalog synchronisation. */
    public static final ServiceAddress PROCEDURES = new ServiceAddress(GOVERNMENT_OFFICE, "CSDLQGTTHC", "thu-tuc", "v1");
    /** Dossier intake from the national portal and status reports back to it. */
    public static final ServiceAddress NATIONAL_PORTAL = new ServiceAddress(GOVERNMENT_OFFICE, "CONG-DVCQG", "ho-so", "v1");
    /** Payment status and daily reconciliation. */
    public static final ServiceAddress PAYGOV = new ServiceAddress(GOVERNMENT_OFFICE, "PAYGOV", "thanh-toan", "v1");
    /** Postal intake of dossiers and delivery of results. */
    public static final ServiceAddress VNPOST = new ServiceAddress(VIETNAM_POST, "BCCI", "buu-chinh", "v1");

    private NationalServices() {
    }
}
