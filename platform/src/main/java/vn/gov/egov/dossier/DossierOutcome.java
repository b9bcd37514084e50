package vn.gov.egov.dossier;

/** What processing decided: the result asked for, or a notice refusing it with reasons. */
public enum DossierOutcome {
    APPROVED("Giải quyết, cấp kết quả"),
    REFUSED("Từ chối giải quyết");

    private final String vietnameseName;

    DossierOutcome(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
