package vn.gov.egov.dossier;

/** How a dossier entered; all are handled alike once in the reception queue. */
public enum DossierChannel {
    OWN_PORTAL("Cổng Dịch vụ công của tỉnh", 2),
    NATIONAL_PORTAL("Cổng Dịch vụ công quốc gia", 2),
    IN_PERSON("Trực tiếp tại Bộ phận Một cửa", 1),
    BY_POST("Qua dịch vụ bưu chính công ích", 3);

    private final String vietnameseName;
    private final int nationalCode;

    DossierChannel(String vietnameseName, int nationalCode) {
        this.vietnameseName = vietnameseName;
        this.nationalCode = nationalCode;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** The channel number of the national portal integrations: 1 in person, 2 online, 3 by post. */
    public int nationalCode() {
        return nationalCode;
    }
}
