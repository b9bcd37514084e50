package vn.gov.egov.result;

/** What a result is. */
public enum ResultType {
    LICENCE("Giấy phép"),
    CERTIFICATE("Giấy chứng nhận"),
    DECISION("Quyết định"),
    REFUSAL_NOTICE("Thông báo từ chối giải quyết");

    private final String vietnameseName;

    ResultType(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
