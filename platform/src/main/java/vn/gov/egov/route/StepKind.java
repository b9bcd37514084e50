package vn.gov.egov.route;

/** What a step does in the one-stop process; processing acts on it (the approving step issues the result…). */
public enum StepKind {
    /** The one-stop desk passes the received dossier on (and, inter-agency, the other agency's desk receives it). */
    RECEIVE("Tiếp nhận, chuyển hồ sơ"),
    /** A specialist handles and appraises (thụ lý, thẩm định) and drafts the result. */
    APPRAISE("Thụ lý, thẩm định"),
    /** A division head reviews and submits for approval. */
    REVIEW("Xem xét, trình"),
    /** The competent leader approves (or refuses) and signs the result. */
    APPROVE("Phê duyệt, ký"),
    /** The clerk numbers and seals the result (cấp số, đóng dấu). */
    ISSUE("Vào số, đóng dấu"),
    /** The one-stop desk returns the result. */
    RETURN("Trả kết quả");

    private final String vietnameseName;

    StepKind(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
