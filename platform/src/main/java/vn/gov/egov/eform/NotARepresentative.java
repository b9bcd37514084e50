package vn.gov.egov.eform;

/** The citizen asked to fill a form for a business they do not represent. */
public class NotARepresentative extends RuntimeException {

    private final String taxCode;

    public NotARepresentative(String taxCode) {
        super("Bạn không phải người đại diện của doanh nghiệp có mã số thuế " + taxCode
                + ", nên không thể nộp hồ sơ thay doanh nghiệp này.");
        this.taxCode = taxCode;
    }

    public String taxCode() {
        return taxCode;
    }
}
