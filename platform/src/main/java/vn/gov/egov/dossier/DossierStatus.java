package vn.gov.egov.dossier;

/**
 * Where a dossier stands. Reception's states for now; processing (issue "one-stop processing") adds its own.
 * {@link #nationalCode()} is the status number the national public-service portal integrations use (formats.md:
 * 1 newly submitted, 2 received, 3 not received, 5 supplement requested, 7 withdrawal requested…).
 */
public enum DossierStatus {
    DRAFT("Bản nháp", 0),
    SUBMITTED("Chờ tiếp nhận", 1),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung, hoàn thiện", 5),
    RECEIVED("Đã tiếp nhận", 2),
    REFUSED("Từ chối tiếp nhận", 3),
    WITHDRAWN("Đã rút hồ sơ", 7);

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

    /** Still waiting for the one-stop desk: submitted, or sent back for supplements. */
    public boolean awaitingReception() {
        return this == SUBMITTED || this == SUPPLEMENT_REQUESTED;
    }
}
