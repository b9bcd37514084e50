package vn.gov.egov.lgsp.gateway;

/** The gateway's refusals and failures: status, stable error class and a Vietnamese title. */
enum GatewayError {
    TOKEN_MISSING(401, "gateway.token_missing", "Thiếu mã truy cập"),
    TOKEN_INVALID(401, "gateway.token_invalid", "Mã truy cập không hợp lệ"),
    TOKEN_EXPIRED(401, "gateway.token_expired", "Mã truy cập đã hết hạn"),
    TOKEN_CHECK_UNAVAILABLE(503, "gateway.token_check_unavailable", "Không kiểm tra được mã truy cập với SSO của tỉnh"),
    CLIENT_CERTIFICATE_MISSING(401, "gateway.client_certificate", "Thiếu chứng thư số máy khách (TLS)"),
    CLIENT_CERTIFICATE_MISMATCH(403, "gateway.client_certificate", "Chứng thư số máy khách không khớp"),
    CLIENT_CERTIFICATE_EXPIRED(403, "gateway.client_certificate", "Chứng thư số máy khách đã hết hạn hoặc chưa có hiệu lực"),
    UNKNOWN_CONSUMER(403, "gateway.unknown_consumer", "Hệ thống gọi chưa được đăng ký trên LGSP"),
    ACCESS_DENIED(403, "gateway.access_denied", "Không có quyền gọi dịch vụ"),
    UNKNOWN_SERVICE(404, "gateway.unknown_service", "Không có dịch vụ này trên LGSP"),
    SERVICE_NOT_CALLABLE(404, "gateway.service_not_callable", "Dịch vụ chưa mở hoặc đã ngừng"),
    SERVICE_RETIRED(410, "gateway.service_not_callable", "Dịch vụ đã ngừng cung cấp"),
    QUOTA_EXCEEDED(429, "gateway.quota_exceeded", "Vượt hạn mức gọi dịch vụ"),
    BODY_TOO_LARGE(413, "gateway.body_too_large", "Nội dung yêu cầu quá lớn"),
    BAD_REQUEST(400, "gateway.bad_request", "Yêu cầu không hợp lệ"),
    CIRCUIT_OPEN(503, "gateway.circuit_open", "Dịch vụ của bên cung cấp đang tạm ngắt"),
    PROVIDER_TIMEOUT(504, "provider.timeout", "Bên cung cấp không trả lời kịp thời hạn"),
    PROVIDER_UNREACHABLE(502, "provider.unreachable", "Không kết nối được tới bên cung cấp"),
    PROVIDER_ERROR(502, "provider.error", "Bên cung cấp trả lời lỗi");

    final int status;
    final String errorClass;
    final String title;

    GatewayError(int status, String errorClass, String title) {
        this.status = status;
        this.errorClass = errorClass;
        this.title = title;
    }

    boolean providers() {
        return errorClass.startsWith("provider.");
    }
}
