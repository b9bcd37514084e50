package vn.gov.egov.dossier;

/** How the applicant wants to receive the result. */
public enum ResultDelivery {
    ONLINE("Nhận trực tuyến"),
    AT_DESK("Nhận tại Bộ phận Một cửa"),
    BY_POST("Nhận qua dịch vụ bưu chính công ích");

    private final String vietnameseName;

    ResultDelivery(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
