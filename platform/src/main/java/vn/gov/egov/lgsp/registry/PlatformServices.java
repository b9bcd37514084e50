package vn.gov.egov.lgsp.registry;

/**
 * Codes under which the platform itself appears on the LGSP: the Department of Science and Technology
 * ({@code SO-KHCN}, which runs the province's IT since the 2025 merger) provides the shared e-catalogs.
 */
public final class PlatformServices {

    /** The member that provides the platform's own services. */
    public static final String MEMBER = "SO-KHCN";
    /** The shared e-catalogs' system. */
    public static final String CATALOG_SUBSYSTEM = "DANH-MUC";
    /** The catalog read service ({@code /api/v1/catalogs/**}). */
    public static final String CATALOG_SERVICE = "danh-muc";
    /** The event type published when a catalog changes. */
    public static final String CATALOG_CHANGED_EVENT = "danh-muc-thay-doi";
    public static final String VERSION = "v1";
    /** Where the catalog read service is on the gateway. */
    public static final ServiceAddress CATALOG = new ServiceAddress(MEMBER, CATALOG_SUBSYSTEM, CATALOG_SERVICE, VERSION);

    private PlatformServices() {
    }
}
