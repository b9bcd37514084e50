package vn.gov.egov.lgsp;

/**
 * The national systems the platform's modules reach, always through the LGSP (and NDXP behind it). Where each one is
 * on the gateway is the registry's business ({@code NationalServices}); modules only name the system.
 */
public enum NationalSystem {
    /** The national population database (CSDL quốc gia về dân cư): verify and read a citizen. */
    POPULATION,
    /** The national business registration database: an enterprise by tax code. */
    BUSINESS_REGISTRY,
    /** The national procedure database (CSDL quốc gia về TTHC): catalog synchronisation. */
    PROCEDURES,
    /** The national public-service portal: dossier intake and status reports. */
    NATIONAL_PORTAL,
    /** PayGov: payment status and the daily reconciliation file. */
    PAYGOV,
    /** VNPost's public postal service: postal dossiers and shipments of results. */
    VNPOST,
    /** The national document-exchange backbone: edXML packages between agencies. */
    DOCUMENT_BACKBONE
}
