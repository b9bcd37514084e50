package vn.gov.egov.eform;

/** The procedure has no form, or not the version asked for. */
public class UnknownForm extends RuntimeException {

    public UnknownForm(String procedureCode, Integer version) {
        super(version == null ? "Thủ tục '%s' chưa có biểu mẫu điện tử.".formatted(procedureCode)
                : "Thủ tục '%s' không có biểu mẫu điện tử phiên bản %d.".formatted(procedureCode, version));
    }
}
