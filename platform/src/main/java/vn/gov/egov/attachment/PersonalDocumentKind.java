package vn.gov.egov.attachment;

/** How a document came into a personal store: a procedure's result, a paper the desk digitized, or the owner's own upload. */
public enum PersonalDocumentKind {
    RESULT("Kết quả giải quyết"),
    DIGITIZED("Giấy tờ đã số hóa"),
    UPLOADED("Tự tải lên");

    private final String vietnameseName;

    PersonalDocumentKind(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
