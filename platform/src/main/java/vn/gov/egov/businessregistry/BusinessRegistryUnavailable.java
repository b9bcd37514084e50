package vn.gov.egov.businessregistry;

/** The national business registration database did not answer (unreachable, timed out, refused or unreadable answer). */
public class BusinessRegistryUnavailable extends RuntimeException {

    public BusinessRegistryUnavailable(String detail, Throwable cause) {
        super("Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp không phản hồi (" + detail + "). Vui lòng thử lại sau.", cause);
    }
}
