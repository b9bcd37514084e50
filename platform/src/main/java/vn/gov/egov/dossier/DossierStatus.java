package vn.gov.egov.dossier;

/**
 * Where a dossier stands, from submission to the return of its result. {@link #nationalCode()} is the status number
 * the national public-service portal integrations use (formats.md: 1 newly submitted, 2 received, 3 not received,
 * 4 in processing, 5 supplement requested, 7 withdrawal requested, 9 processed, 10 result returned).
 */
public enum DossierStatus {
    DRAFT("Bản nháp", 0),
    SUBMITTED("Chờ tiếp nhận", 1),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung, hoàn thiện", 5),
    RECEIVED("Đã tiếp nhận", 2),
    REFUSED("Từ chối tiếp nhận", 3),
    WITHDRAWN("Đã rút hồ sơ", 7),
    IN_PROGRESS("Đang giải quyết", 4),
    /** Sent back for supplements during processing: the clock stands still until the applicant completes. */
    AWAITING_SUPPLEMENT("Tạm dừng, chờ bổ sung hồ sơ", 5),
    /** Processed: the result (or the notice refusing it) is ready to be returned. */
    RESOLVED("Đã có kết quả, chờ trả", 9),
    RETURNED("Đã trả kết quả", 10);

    private final String vietnameseName;
    private final int nationalCode;

    DossierStatus(String vietnameseName, int nationalCode) {
        this.vietnameseName = vietnameseName;
        this.nationalCode = nationalCode;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public int nationalCode() {
        return nationalCode;
    }

    /** Sent back for supplements, before reception or during processing: the applicant has to complete it. */
    public boolean awaitingSupplement() {
        return this == SUPPLEMENT_REQUESTED || this == AWAITING_SUPPLEMENT;
    }

    /** Received and not resolved yet: the processing clock runs (or stands still for supplements). */
    public boolean inProcessing() {
        return this == RECEIVED || this == IN_PROGRESS || this == AWAITING_SUPPLEMENT;
    }

    /** Still waiting for the one-stop desk: submitted, or sent back for supplements. */
    public boolean awaitingReception() {
        return this == SUBMITTED || this == SUPPLEMENT_REQUESTED;
    }
}
